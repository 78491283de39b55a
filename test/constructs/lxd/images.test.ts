/** CachedImage and PublishedImage: flags given as strings from JavaScript, and property values with a NUL byte. */
import { CachedImage, Container, PublishedImage } from '../../../index';
import { expectAccepted, expectRejected } from '../../helpers';

describe('CachedImage autoUpdate', () => {
  it('rejects a string and accepts a boolean', () => {
    expectRejected(
      ({ stack, host }) => new CachedImage(stack, 'jammy', { host, source: 'ubuntu:22.04', autoUpdate: 'no' as never }),
      { path: 'lab/jammy', property: 'autoUpdate', value: 'no', reason: /would count as true/, fix: /true or false/ },
    );
    expectAccepted(
      ({ stack, host }) => new CachedImage(stack, 'jammy', { host, source: 'ubuntu:22.04', autoUpdate: false }),
    );
  });
});

describe('PublishedImage', () => {
  it('rejects public given as a string, and a NUL byte in a property value', () => {
    expectRejected(
      ({ stack, host }) =>
        new PublishedImage(stack, 'img', {
          container: new Container(stack, 'web', { host, image: 'busybox' }),
          public: 'false' as never,
        }),
      { path: 'lab/img', property: 'public', value: 'false', reason: /would count as true/ },
    );
    expectRejected(
      ({ stack, host }) =>
        new PublishedImage(stack, 'img', {
          container: new Container(stack, 'web', { host, image: 'busybox' }),
          properties: { os: 'busybox\0' },
        }),
      { path: 'lab/img', property: 'properties.os', value: 'busybox\0', reason: /NUL byte/ },
    );
  });
});
