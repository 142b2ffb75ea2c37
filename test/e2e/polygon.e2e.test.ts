import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerShapes } from '../../src/shared/methods.ts';
import { type E2eServer, startE2eServer } from '../setup/e2eServer.ts';

/** The seeded polygon project (src/main/seedDemo.ts): circles and squares to outline. */
const PROJECT = 'Outline the shapes';
const SCREENSHOT = '/tmp/polygon.png';

let _base: string;

/** A page of its own (own cookies) signed in as a development account; page errors fail the test. */
type Share = readonly [number, number];

/**
 * Clicks and drags at shares (0..1) of the image, as the annotator stores them. The image is measured before
 * every gesture: a hint appearing above it moves it down the page.
 */
function imageMouse(page: Page, overlay: Locator) {
  const at = async ([x, y]: Share) => {
    const box = await overlay.boundingBox();
    if (!box) throw new Error('the image overlay is not on screen');
    return [box.x + x * box.width, box.y + y * box.height] as const;
  };
  return {
    click: async (...points: Share[]) => {
      for (const p of points) await page.mouse.click(...(await at(p)));
    },
    drag: async (from: Share, to: Share) => {
      await page.mouse.move(...(await at(from)));
      await page.mouse.down();
      await page.mouse.move(...(await at(to)), { steps: 5 });
      await page.mouse.up();
    },
  };
}

let server: E2eServer | undefined;
beforeAll(async () => {
  server = await startE2eServer({ seedDemo: true });
  _base = server.base;
});
afterAll(() => server?.stop());

describe('the polygon annotator in a browser', () => {
  it('a contributor outlines shapes with the mouse and keyboard, and the answer is stored as drawn', async () => {
    const { page, errors } = await server!.pageAs('alice', { width: 1280, height: 1200 });
    const card = page.locator('article.task-card', { hasText: PROJECT });
    await card.getByRole('link', { name: 'Start labeling' }).click();
    const overlay = page.getByRole('application', { name: /click to add points/ });
    await overlay.waitFor();
    // The image must have its size before shares of it mean anything.
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.polygon-stage img');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    const mouse = imageMouse(page, overlay);
    const polygonList = page.getByRole('list', { name: 'Polygons' }).getByRole('listitem');
    const drafting = page.locator('.polygon-drafting');

    // A square, picked with its number key; an extra point taken back with Backspace; closed with Enter.
    await page.keyboard.press('2');
    expect(await page.getByRole('button', { name: /Square/ }).getAttribute('aria-pressed')).toBe('true');
    await mouse.click([0.2, 0.2], [0.5, 0.2], [0.5, 0.6], [0.2, 0.6], [0.35, 0.85]);
    await drafting.getByText('5 points').waitFor();
    await page.keyboard.press('Backspace');
    await drafting.getByText('4 points').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => polygonList.count()).toBe(1);
    expect(await polygonList.first().textContent()).toContain('Square · 4 points');

    // Escape drops an outline in progress.
    await page.keyboard.press('1');
    await mouse.click([0.7, 0.2], [0.9, 0.2], [0.8, 0.5]);
    await drafting.getByText('3 points').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => drafting.count()).toBe(0);
    expect(await polygonList.count()).toBe(1);

    // A bow tie is refused at closing, with a hint that says what to do.
    await mouse.click([0.6, 0.65], [0.9, 0.95], [0.9, 0.65], [0.6, 0.95]);
    await page.keyboard.press('Enter');
    await page.getByText(/This outline crosses itself/).waitFor();
    expect(await polygonList.count()).toBe(1);
    await page.keyboard.press('Escape');

    // A circle, closed by clicking its first point.
    await mouse.click([0.65, 0.3], [0.85, 0.25], [0.9, 0.5], [0.7, 0.55], [0.65, 0.3]);
    await expect.poll(() => polygonList.count()).toBe(2);
    expect(await polygonList.nth(1).textContent()).toContain('Circle · 4 points');

    // A stray triangle, selected by clicking inside it and removed with Delete.
    await mouse.click([0.6, 0.7], [0.8, 0.7], [0.7, 0.9]);
    await page.keyboard.press('Enter');
    await expect.poll(() => polygonList.count()).toBe(3);
    await mouse.click([0.7, 0.76]);
    await expect.poll(() => page.locator('.polygon-shape.selected').count()).toBe(1);
    await page.keyboard.press('Delete');
    await expect.poll(() => polygonList.count()).toBe(2);

    // The square's third corner dragged down and right.
    await mouse.drag([0.5, 0.6], [0.55, 0.65]);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await server!.shot(page, 'polygon-01-annotator');

    await page.keyboard.press('Enter');
    await page.getByText(/Last answer recorded in the ledger as #\d+/).waitFor();

    // The stored answer, through the API, has the outlines as drawn, as shares of the image.
    const alice = await server!.clientAs('alice');
    const entry = (await alice.history()).entries.find((e) => e.projectName === PROJECT);
    expect(entry?.method).toBe('polygon');
    const answer = answerShapes.polygon.parse(entry!.answer);
    const expected: [string, Share[]][] = [
      [
        'square',
        [
          [0.2, 0.2],
          [0.5, 0.2],
          [0.55, 0.65],
          [0.2, 0.6],
        ],
      ],
      [
        'circle',
        [
          [0.65, 0.3],
          [0.85, 0.25],
          [0.9, 0.5],
          [0.7, 0.55],
        ],
      ],
    ];
    expect(answer.polygons.map((p) => p.label)).toEqual(expected.map(([label]) => label));
    answer.polygons.forEach((polygon, i) => {
      const points = expected[i]![1];
      expect(polygon.points).toHaveLength(points.length);
      polygon.points.forEach((p, k) => {
        // A pixel of a 600-pixel-wide image is 0.0017 of it.
        expect(Math.abs(p.x - points[k]![0])).toBeLessThan(0.005);
        expect(Math.abs(p.y - points[k]![1])).toBeLessThan(0.005);
      });
    });

    // The history page summarises it.
    await page.getByRole('link', { name: 'History' }).click();
    await page.locator('table').getByText('2 polygons: square, circle').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
