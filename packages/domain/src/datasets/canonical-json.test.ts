import { describe, expect, it } from 'vitest';
import { canonicalJson, entryFingerprint } from './canonical-json';

describe('canonicalJson', () => {
  it('ignores key order and spacing', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson(JSON.parse('{ "a": { "c": null, "d": [1, {"x": 1, "y": 2}] }, "b": 1 }')),
    );
    expect(entryFingerprint({ q: 'hi', n: 1 }, { a: 1, b: 2 })).toBe(entryFingerprint({ n: 1, q: 'hi' }, { b: 2, a: 1 }));
  });

  // Idempotency keys store SHA-256 fingerprints of this text: these are the texts the earlier
  // hand-written canonicalisation produced, which a key sent before an upgrade must still match.
  it('writes what earlier versions wrote, index-like keys first', () => {
    expect(canonicalJson({ template: 'Greeter', context: { name: 'Ada', langs: ['en', 'fr'] }, wait: 5 })).toBe(
      '{"context":{"langs":["en","fr"],"name":"Ada"},"template":"Greeter","wait":5}',
    );
    expect(canonicalJson({ '10': 'ten', '2': 'two', b: { z: null, a: [1.5, -0, 1e21] }, '': true, é: '😀\n"\u0000', '07': 1 })).toBe(
      '{"2":"two","10":"ten","":true,"07":1,"b":{"a":[1.5,0,1e+21],"z":null},"é":"😀\\n\\"\\u0000"}',
    );
  });

  it('writes null for undefined, as JSON.stringify does inside arrays', () => {
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([undefined, { a: undefined }])).toBe('[null,{}]');
  });
});
