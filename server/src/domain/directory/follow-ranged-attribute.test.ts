import assert from 'node:assert/strict';
import { test } from 'node:test';
import { followRangedAttribute, rangeOf } from './follow-ranged-attribute';

test('a plain attribute is one range with nothing after it', () => {
  assert.deepEqual(rangeOf({ member: ['a', 'b'] }, 'member'), { values: ['a', 'b'], next: null });
  assert.deepEqual(rangeOf({ Member: 'a' }, 'member'), { values: ['a'], next: null });
  assert.equal(rangeOf({ cn: 'x' }, 'member'), undefined);
});

test('a ranged attribute says where the next range starts, and "*" ends it', () => {
  assert.deepEqual(rangeOf({ 'member;range=0-1499': ['a'] }, 'member'), { values: ['a'], next: 1500 });
  assert.deepEqual(rangeOf({ 'member;range=3000-*': ['c'] }, 'member'), { values: ['c'], next: null });
});

test('follows Active Directory ranges until the last one and gets every member', async () => {
  const all = Array.from({ length: 3200 }, (_, i) => `CN=u${i},DC=example,DC=test`);
  const asked: string[] = [];
  const serve = (start: number) => {
    const end = Math.min(start + 1499, all.length - 1);
    const last = end === all.length - 1;
    return { [`member;range=${start}-${last ? '*' : end}`]: all.slice(start, end + 1) };
  };
  const values = await followRangedAttribute(serve(0), 'member', async (attribute) => {
    asked.push(attribute);
    return serve(Number(/range=(\d+)/.exec(attribute)![1]));
  });
  assert.deepEqual(asked, ['member;range=1500-*', 'member;range=3000-*']);
  assert.equal(values.length, 3200);
  assert.equal(new Set(values).size, 3200);
});

test('a group without members has none, and nothing more is asked', async () => {
  const values = await followRangedAttribute({ cn: 'empty' }, 'member', async () => assert.fail('nothing to ask'));
  assert.deepEqual(values, []);
});
