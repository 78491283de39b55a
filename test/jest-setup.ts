// Some unit tests run real binaries (cloud-init schema, dnsmasq --test, terraform validate): give them room on a busy 2-core machine.
jest.setTimeout(60 * 1000);
