import { describe, expect, it } from 'vitest';
import { type AnnotationInput, annotationSchema, type Modality } from '../../shared/methods.ts';
import { DomainError } from '../errors.ts';
import { type ImportFormat, type ImportProblem, type ItemRules, parseItems } from './parseItems.ts';

function rules(annotation: AnnotationInput, modality: Modality): ItemRules {
  return { annotation: annotationSchema.parse(annotation), modality };
}

const sentiment = rules(
  {
    method: 'single_choice',
    config: {
      choices: [
        { value: 'pos', label: 'Positive' },
        { value: 'neg', label: 'Negative' },
      ],
    },
  },
  'text',
);
const boxes = rules({ method: 'bbox', config: { labels: [{ value: 'car', label: 'Car' }] } }, 'image');
const outlines = rules({ method: 'polygon', config: { labels: [{ value: 'car', label: 'Car' }] } }, 'image');

const HEX = 'ab'.repeat(32);

/** The DomainError parseItems throws, failing the test when it does not throw one. */
function refusal(text: string, format: ImportFormat, r: ItemRules = sentiment): DomainError {
  try {
    parseItems(text, format, r);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('parseItems accepted the file');
}

function problems(e: DomainError): ImportProblem[] {
  return (e.details as { problems: ImportProblem[] }).problems;
}

describe('parseItems: JSONL', () => {
  it('reads one flat object per line, keeping every field as item data', () => {
    const items = parseItems(
      '{"text":"great","source":"web"}\n{"text":"awful","lang":"en"}\n',
      'jsonl',
      sentiment,
    );
    expect(items).toEqual([
      { externalId: null, data: { text: 'great', source: 'web' }, gold: null },
      { externalId: null, data: { text: 'awful', lang: 'en' }, gold: null },
    ]);
  });

  it('takes "id" and "gold" out of the data', () => {
    const items = parseItems('{"id":"a1","text":"great","gold":{"choice":"pos"}}', 'jsonl', sentiment);
    expect(items).toEqual([{ externalId: 'a1', data: { text: 'great' }, gold: { choice: 'pos' } }]);
  });

  it('turns a numeric id into text and treats an empty or null id as none', () => {
    const items = parseItems(
      '{"id":7,"text":"a"}\n{"id":"","text":"b"}\n{"id":null,"text":"c"}',
      'jsonl',
      sentiment,
    );
    expect(items.map((i) => i.externalId)).toEqual(['7', null, null]);
  });

  it('accepts a bare string gold for single_choice', () => {
    const [item] = parseItems('{"text":"great","gold":"pos"}', 'jsonl', sentiment);
    expect(item!.gold).toEqual({ choice: 'pos' });
  });

  it('reads Label-Studio-shaped lines from their "data" object', () => {
    const items = parseItems(
      '{"id":3,"data":{"text":"great"},"annotations":[],"predictions":[],"meta":{"x":1}}',
      'jsonl',
      sentiment,
    );
    expect(items).toEqual([{ externalId: '3', data: { text: 'great' }, gold: null }]);
  });

  it('keeps "data" as an ordinary field when the line has other fields too', () => {
    const [item] = parseItems('{"text":"great","data":{"k":1}}', 'jsonl', sentiment);
    expect(item!.data).toEqual({ text: 'great', data: { k: 1 } });
  });

  it('skips blank lines and accepts CRLF line ends', () => {
    const items = parseItems('\n{"text":"a"}\r\n\r\n   \n{"text":"b"}\r\n', 'jsonl', sentiment);
    expect(items.map((i) => i.data.text)).toEqual(['a', 'b']);
  });

  it('names the line of malformed JSON', () => {
    const e = refusal('{"text":"a"}\n{"text":"b"}\n{bad\n', 'jsonl');
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.message.startsWith('line 3: not valid JSON (')).toBe(true);
    expect(problems(e)).toHaveLength(1);
    expect(problems(e)[0]!.line).toBe(3);
  });

  it('counts blank lines when naming a line', () => {
    const e = refusal('{"text":"a"}\n\n{"txt":"b"}', 'jsonl');
    expect(e.message).toBe('line 3: missing "text": every item of this text single_choice project needs it');
  });

  it('names a missing required field', () => {
    const e = refusal('{"text":"a"}\n{"body":"b"}', 'jsonl');
    expect(e.message).toBe('line 2: missing "text": every item of this text single_choice project needs it');
  });

  it('refuses a required field that is blank or not text', () => {
    const e = refusal('{"text":"   "}\n{"text":5}', 'jsonl');
    expect(problems(e)).toEqual([
      { line: 1, message: 'missing "text": every item of this text single_choice project needs it' },
      { line: 2, message: 'missing "text": every item of this text single_choice project needs it' },
    ]);
  });

  it('names both lines of a repeated id', () => {
    const e = refusal('{"id":"x","text":"a"}\n{"id":"y","text":"b"}\n{"id":"x","text":"c"}', 'jsonl');
    expect(e.message).toBe('line 3: id "x" repeats the item on line 1');
  });

  it('treats a numeric id and the same id as text as one id', () => {
    const e = refusal('{"id":1,"text":"a"}\n{"id":"1","text":"b"}', 'jsonl');
    expect(e.message).toBe('line 2: id "1" repeats the item on line 1');
  });

  it('refuses an id that is not a string or number, or longer than 200 characters', () => {
    const e = refusal(`{"id":{"a":1},"text":"a"}\n{"id":"${'x'.repeat(201)}","text":"b"}`, 'jsonl');
    expect(problems(e)).toEqual([
      { line: 1, message: '"id" must be a string or a number' },
      { line: 2, message: '"id" is longer than 200 characters' },
    ]);
  });

  it('refuses lines that are not JSON objects', () => {
    const e = refusal('[1]\n"text"\nnull', 'jsonl');
    expect(problems(e)).toEqual([
      { line: 1, message: 'each item must be a JSON object' },
      { line: 2, message: 'each item must be a JSON object' },
      { line: 3, message: 'each item must be a JSON object' },
    ]);
    expect(e.message).toBe('line 1: each item must be a JSON object (and 2 more problems)');
  });

  it('says "1 more problem" in the singular', () => {
    expect(refusal('{"x":1}\n{"y":2}', 'jsonl').message).toBe(
      'line 1: missing "text": every item of this text single_choice project needs it (and 1 more problem)',
    );
  });

  it('refuses an invalid gold answer, saying why', () => {
    const e = refusal('{"text":"a","gold":"maybe"}', 'jsonl');
    expect(e.message).toBe('line 1: "gold" is not a valid answer: choice must be one of: pos, neg');
  });

  it('refuses a gold answer with extra keys', () => {
    const e = refusal('{"text":"a","gold":{"choice":"pos","confidence":1}}', 'jsonl');
    expect(e.message).toBe('line 1: "gold" is not a valid answer: Unrecognized key: "confidence"');
  });

  it('checks a span gold against the item text', () => {
    const span = rules({ method: 'span', config: { labels: [{ value: 'PER', label: 'Person' }] } }, 'text');
    const ok = parseItems(
      '{"text":"Ada","gold":{"spans":[{"start":0,"end":3,"label":"PER"}]}}',
      'jsonl',
      span,
    );
    expect(ok[0]!.gold).toEqual({ spans: [{ start: 0, end: 3, label: 'PER' }] });
    const e = refusal('{"text":"Ada","gold":{"spans":[{"start":0,"end":4,"label":"PER"}]}}', 'jsonl', span);
    expect(e.message).toBe(
      'line 1: "gold" is not a valid answer: span ends at 4, past the text (3 characters)',
    );
  });

  it('refuses an empty file', () => {
    for (const text of ['', '\n\n', '   ']) {
      const e = refusal(text, 'jsonl');
      expect(e.code).toBe('IMPORT_INVALID');
      expect(e.message).toBe('the file has no items');
      expect(problems(e)).toEqual([]);
    }
  });

  it('lists at most 20 problems', () => {
    const text = Array.from({ length: 30 }, () => '{bad').join('\n');
    const e = refusal(text, 'jsonl');
    expect(problems(e)).toHaveLength(20);
    expect(problems(e).map((p) => p.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(e.message).toMatch(/^line 1: not valid JSON \(.*\) \(and 19 more problems\)$/);
  });

  it('reads 100,000 lines', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `{"id":${i},"text":"item ${i}"}`).join('\n');
    const items = parseItems(text, 'jsonl', sentiment);
    expect(items).toHaveLength(100_000);
    expect(items[99_999]).toEqual({ externalId: '99999', data: { text: 'item 99999' }, gold: null });
  });
});

describe('parseItems: media fields', () => {
  it('accepts http and https URLs as they are', () => {
    const items = parseItems(
      '{"image":"https://x.test/a.png"}\n{"image":"http://x.test/b.png"}',
      'jsonl',
      boxes,
    );
    expect(items.map((i) => i.data.image)).toEqual(['https://x.test/a.png', 'http://x.test/b.png']);
  });

  it('turns blob:<sha256> into a /blobs/<sha256> path', () => {
    const [item] = parseItems(`{"image":"blob:${HEX}"}`, 'jsonl', boxes);
    expect(item!.data.image).toBe(`/blobs/${HEX}`);
  });

  it('accepts a /blobs/<sha256> path as it is', () => {
    const [item] = parseItems(`{"image":"/blobs/${HEX}"}`, 'jsonl', boxes);
    expect(item!.data.image).toBe(`/blobs/${HEX}`);
  });

  it.each([
    'ftp://x',
    'not a url',
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    `blob:${HEX.slice(2)}`,
    `blob:${HEX.toUpperCase()}`,
    '/blobs/abc',
    '/etc/passwd',
  ])('refuses the media URL %j', (url) => {
    const e = refusal(JSON.stringify({ image: url }), 'jsonl', boxes);
    expect(e.message).toBe('line 1: "image" must be an http(s) URL, a /blobs/<sha256> path or blob:<sha256>');
  });

  it('checks media fields the modality does not require', () => {
    const e = refusal('{"text":"a","audio":"ftp://x"}', 'jsonl');
    expect(e.message).toBe('line 1: "audio" must be an http(s) URL, a /blobs/<sha256> path or blob:<sha256>');
  });

  it('refuses a media field that is not text', () => {
    const e = refusal('{"text":"a","video":5}', 'jsonl');
    expect(e.message).toBe('line 1: "video" must be an http(s) URL, a /blobs/<sha256> path or blob:<sha256>');
  });

  it('leaves other fields that look like URLs alone', () => {
    const [item] = parseItems('{"text":"a","link":"ftp://x"}', 'jsonl', sentiment);
    expect(item!.data).toEqual({ text: 'a', link: 'ftp://x' });
  });

  it('names the missing image on a bbox project', () => {
    const e = refusal('{"text":"a"}', 'jsonl', boxes);
    expect(e.message).toMatch(/^line 1: missing "image": every item of this .* project needs it$/);
  });

  it('names the missing image on a polygon project, and checks its gold outline', () => {
    expect(refusal('{"text":"a"}', 'jsonl', outlines).message).toMatch(/^line 1: missing "image"/);
    const square = [
      { x: 0.1, y: 0.1 },
      { x: 0.5, y: 0.1 },
      { x: 0.5, y: 0.5 },
      { x: 0.1, y: 0.5 },
    ];
    const line = (points: unknown) =>
      JSON.stringify({ image: `blob:${HEX}`, gold: { polygons: [{ label: 'car', points }] } });
    const [item] = parseItems(line(square), 'jsonl', outlines);
    expect(item!.gold).toEqual({ polygons: [{ label: 'car', points: square }] });
    const bowtie = [square[0], square[2], square[1], square[3]];
    expect(refusal(line(bowtie), 'jsonl', outlines).message).toMatch(
      /^line 1: "gold" is not a valid answer: polygon 1 crosses itself/,
    );
  });
});

describe('parseItems: CSV', () => {
  it('reads a header and one item per row', () => {
    const items = parseItems('id,text,source\n1,great,web\n2,awful,app\n', 'csv', sentiment);
    expect(items).toEqual([
      { externalId: '1', data: { text: 'great', source: 'web' }, gold: null },
      { externalId: '2', data: { text: 'awful', source: 'app' }, gold: null },
    ]);
  });

  it('reads quoted fields with commas, quotes and line breaks', () => {
    const items = parseItems('text\n"hello, world"\n"say ""hi"""\n"two\nlines"\n', 'csv', sentiment);
    expect(items.map((i) => i.data.text)).toEqual(['hello, world', 'say "hi"', 'two\nlines']);
  });

  it('strips a byte order mark before the header', () => {
    const items = parseItems('\uFEFFtext\nhello\n', 'csv', sentiment);
    expect(items).toEqual([{ externalId: null, data: { text: 'hello' }, gold: null }]);
  });

  it('reads gold as a bare value for single_choice, and an empty cell as no gold', () => {
    const items = parseItems('text,gold\ngreat,pos\nmeh,\n', 'csv', sentiment);
    expect(items.map((i) => i.gold)).toEqual([{ choice: 'pos' }, null]);
  });

  it('reads gold as JSON', () => {
    const items = parseItems('text,gold\ngreat,"{""choice"":""neg""}"\n', 'csv', sentiment);
    expect(items[0]!.gold).toEqual({ choice: 'neg' });
  });

  it('reads bare gold for multi_choice, rating, pairwise and free_text', () => {
    const choices = [
      { value: 'a', label: 'A' },
      { value: 'b', label: 'B' },
      { value: 'c', label: 'C' },
    ];
    const multi = rules({ method: 'multi_choice', config: { choices } }, 'text');
    expect(parseItems('text,gold\nx,a| c\ny,b;a\n', 'csv', multi).map((i) => i.gold)).toEqual([
      { choices: ['a', 'c'] },
      { choices: ['b', 'a'] },
    ]);
    const rating = rules({ method: 'rating', config: {} }, 'text');
    expect(parseItems('text,gold\nx,4\n', 'csv', rating)[0]!.gold).toEqual({ value: 4 });
    const pair = rules({ method: 'pairwise', config: {} }, 'text');
    expect(parseItems('a,b,gold\nx,y, B \n', 'csv', pair)[0]!.gold).toEqual({ winner: 'b' });
    const free = rules({ method: 'free_text', config: {} }, 'text');
    expect(parseItems('text,gold\nx,a summary\n', 'csv', free)[0]!.gold).toEqual({ text: 'a summary' });
  });

  it('refuses a bare rating gold that is not a number', () => {
    const rating = rules({ method: 'rating', config: {} }, 'text');
    const e = refusal('text,gold\nx,four\n', 'csv', rating);
    expect(e.message.startsWith('line 2: "gold" is not a valid answer: ')).toBe(true);
  });

  it('names the line of an invalid gold, counting the header as line 1', () => {
    const e = refusal('text,gold\ngreat,pos\nmeh,maybe\n', 'csv');
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.message).toBe('line 3: "gold" is not a valid answer: choice must be one of: pos, neg');
  });

  it('counts the line breaks inside quoted fields when naming a later line', () => {
    const e = refusal('text,gold\n"two\nlines",pos\nmeh,maybe\n', 'csv');
    expect(e.message).toBe('line 4: "gold" is not a valid answer: choice must be one of: pos, neg');
  });

  it('names a missing required column', () => {
    const e = refusal('body\nhello\n', 'csv');
    expect(e.message).toBe('line 2: missing "text": every item of this text single_choice project needs it');
  });

  it('names both lines of a repeated id', () => {
    const e = refusal('id,text\n1,a\n2,b\n1,c\n', 'csv');
    expect(e.message).toBe('line 4: id "1" repeats the item on line 2');
  });

  it('names the line of a row with too many fields', () => {
    const e = refusal('id,text\n1,a\n2,b,extra\n', 'csv');
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.message.startsWith('line 3: ')).toBe(true);
    expect(problems(e)[0]!.line).toBe(3);
  });

  it('names the line of an unclosed quote', () => {
    const e = refusal('id,text\n1,"open\n', 'csv');
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.message.startsWith('line 2: ')).toBe(true);
  });

  it('refuses a media URL in a CSV cell', () => {
    const e = refusal('image\nhttps://x.test/a.png\nftp://x\n', 'csv', boxes);
    expect(e.message).toBe('line 3: "image" must be an http(s) URL, a /blobs/<sha256> path or blob:<sha256>');
  });

  it('refuses a file with only a header, or nothing', () => {
    expect(refusal('id,text\n', 'csv').message).toBe('the file has no items');
    expect(refusal('', 'csv').message).toBe('the file has no items');
  });
});

describe('parseItems: Label Studio', () => {
  it('reads an array of tasks from their "data" objects', () => {
    const text = JSON.stringify([
      { id: 11, data: { text: 'great' }, annotations: [], predictions: [] },
      { id: 12, data: { text: 'awful', extra: 1 } },
    ]);
    expect(parseItems(text, 'labelstudio', sentiment)).toEqual([
      { externalId: '11', data: { text: 'great' }, gold: null },
      { externalId: '12', data: { text: 'awful', extra: 1 }, gold: null },
    ]);
  });

  it('reads a single task object as one task', () => {
    expect(parseItems('{"data":{"text":"a"}}', 'labelstudio', sentiment)).toEqual([
      { externalId: null, data: { text: 'a' }, gold: null },
    ]);
  });

  it('reads a top-level gold', () => {
    const [item] = parseItems('[{"data":{"text":"a"},"gold":{"choice":"neg"}}]', 'labelstudio', sentiment);
    expect(item!.gold).toEqual({ choice: 'neg' });
  });

  it('turns blob: media inside data into /blobs paths', () => {
    const [item] = parseItems(`[{"data":{"image":"blob:${HEX}"}}]`, 'labelstudio', boxes);
    expect(item!.data).toEqual({ image: `/blobs/${HEX}` });
  });

  it('names the task that lacks a data object', () => {
    const e = refusal('[{"data":{"text":"a"}},{"text":"b"}]', 'labelstudio');
    expect(e.message).toBe('task 2: a Label Studio task needs a "data" object');
  });

  it('names the task with a missing field', () => {
    const e = refusal('[{"data":{"text":"a"}},{"data":{"text":"b"}},{"data":{"body":"c"}}]', 'labelstudio');
    expect(e.message).toBe('task 3: missing "text": every item of this text single_choice project needs it');
  });

  it('names both tasks of a repeated id', () => {
    const e = refusal('[{"id":1,"data":{"text":"a"}},{"id":"1","data":{"text":"b"}}]', 'labelstudio');
    expect(e.message).toBe('task 2: id "1" repeats the item on task 1');
  });

  it('refuses tasks that are not objects', () => {
    const e = refusal('[1, {"data":{"text":"a"}}]', 'labelstudio');
    expect(e.message).toBe('task 1: each item must be a JSON object');
  });

  it('refuses a file that is not JSON', () => {
    const e = refusal('[{"data":', 'labelstudio');
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.message.startsWith('the Label Studio file is not valid JSON (')).toBe(true);
    expect(problems(e)).toHaveLength(1);
  });

  it('refuses an empty task list', () => {
    const e = refusal('[]', 'labelstudio');
    expect(e.message).toBe('the file has no items');
  });
});
