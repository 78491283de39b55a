// End-to-end tests start daemons, VMs and terraform: allow them minutes, not seconds.
jest.setTimeout(10 * 60 * 1000);
