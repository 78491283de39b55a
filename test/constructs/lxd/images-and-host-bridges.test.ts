import { App, Testing } from '../../../constructs/core/cdk';
import { Bridge, CachedImage, Container, LabStack, LocalHost } from '../../../index';

const setup = () => {
  const app = Testing.app() as App;
  const stack = new LabStack(app, 'lab');
  return { app, stack, host: new LocalHost(stack, 'host') };
};
const converge = (json: any, id: string) =>
  Object.entries(json.resource.terraform_data).find(
    ([key]) => key.startsWith(`${id}_`) && key.includes('_converge_'),
  )![1] as any;

describe('CachedImage', () => {
  it('copies the remote image once under its alias, and containers using it wait for it', () => {
    const { stack, host } = setup();
    const jammy = new CachedImage(stack, 'jammy', { host, source: 'ubuntu:22.04' });
    new Container(stack, 'web', { host, image: jammy });
    const json = JSON.parse(Testing.synth(stack, true));
    const script = converge(json, 'jammy').provisioner[0]['local-exec'].environment.CDKTF_LAB_SCRIPT;
    // Copied under a temporary alias, owned, then renamed: a copy killed halfway leaves no unowned alias.
    expect(script).toContain(
      '  lxc image copy ubuntu:22.04 local: --alias jammy.cdktf-new --auto-update >/dev/null\n' +
        '  lxc image set-property jammy.cdktf-new user.cdktf.owner lab\n  lxc image set-property jammy.cdktf-new user.cdktf.path lab/jammy\n' +
        '  lxc image alias rename jammy.cdktf-new jammy\n',
    );
    const web = Object.entries(json.resource.terraform_data).find(([k]) =>
      k.startsWith('web_instance_object'),
    )![1] as any;
    expect(web.depends_on).toEqual(
      expect.arrayContaining([expect.stringMatching(/^terraform_data\.jammy_image_converge_/)]),
    );
    expect(converge(json, 'web').provisioner[0]['local-exec'].environment.CDKTF_LAB_SCRIPT).toContain(
      'lxc init jammy web',
    );
  });

  it('rejects a source that is not remote:alias', () => {
    const { stack, host } = setup();
    expect(() => new CachedImage(stack, 'bad', { host, source: 'jammy; rm -rf /' })).toThrow(
      /\[lab\/bad\] source = "jammy; rm -rf \/": not remote:alias\. Fix: use e\.g\. ubuntu:22\.04/,
    );
  });
});

describe('Bridge.fromHostBridge', () => {
  it('joins a host bridge LXD does not manage with nictype bridged', () => {
    const { stack, host } = setup();
    const br0 = Bridge.fromHostBridge(stack, 'br0', host, 'br0');
    new Container(stack, 'test', { host, image: 'ubuntu:22.04', nics: [{ bridge: br0, hwaddr: '52:54:00:00:00:01' }] });
    const json = JSON.parse(Testing.synth(stack, true));
    expect(converge(json, 'test').triggers_replace.settings.devices.eth0).toEqual({
      type: 'nic',
      nictype: 'bridged',
      parent: 'br0',
      name: 'eth0',
      hwaddr: '52:54:00:00:00:01',
    });
  });

  it('refuses a static address LXD cannot hand out there', () => {
    const { stack, host } = setup();
    const br0 = Bridge.fromHostBridge(stack, 'br0', host, 'br0');
    expect(
      () =>
        new Container(stack, 'test', {
          host,
          image: 'ubuntu:22.04',
          nics: [{ bridge: br0, ipv4Address: '192.168.1.10' }],
        }),
    ).toThrow(/\[lab\/test\] nics\.eth0\.ipv4Address = "192\.168\.1\.10": br0 is not managed by LXD/);
  });
});
