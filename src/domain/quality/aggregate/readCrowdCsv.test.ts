import { describe, expect, it } from 'vitest';
import { readCrowdCsv, readCsvColumns } from './readCrowdCsv.ts';

describe('readCrowdCsv', () => {
  it('reads item,worker,label rows in any column order', () => {
    expect(readCrowdCsv('worker,item,label\nw1,i1,a\r\nw2,i1,b\n')).toEqual([
      { worker: 'w1', item: 'i1', label: 'a' },
      { worker: 'w2', item: 'i1', label: 'b' },
    ]);
  });

  it('refuses a missing header, naming what is missing', () => {
    expect(() => readCrowdCsv('i1,w1,a\n')).toThrow(
      'answers: line 1 must be a header naming item,worker,label (missing item, worker, label)',
    );
  });

  it('names the line of an empty cell or a ragged row', () => {
    expect(() => readCrowdCsv('item,worker,label\ni1,w1,a\ni2,,b\n')).toThrow(
      'answers: line 3: "worker" is empty',
    );
    expect(() => readCrowdCsv('item,worker,label\ni1,w1,a\ni2,w1\n')).toThrow(/^answers: line 3:/);
  });

  it('refuses a file with only a header', () => {
    expect(() => readCsvColumns('item,truth\n', ['item', 'truth'], 'truth')).toThrow(
      'truth: no rows after the header',
    );
  });
});
