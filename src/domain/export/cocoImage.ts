/** A COCO image entry; `coco_url` keeps where the item's image lives. */
export type CocoImage = {
  id: number;
  file_name: string;
  width: number;
  height: number;
  coco_url: string;
  caravan: { item_id: string; external_id: string | null };
};

/** The COCO image for one item: its file name is the last part of the image's address. */
export function cocoImage(o: {
  id: number;
  itemId: string;
  externalId: string | null;
  url: string;
  width: number;
  height: number;
}): CocoImage {
  const last = o.url.split(/[?#]/)[0]!.split('/').filter(Boolean).at(-1) ?? `${o.itemId}`;
  return {
    id: o.id,
    file_name: last,
    width: o.width,
    height: o.height,
    coco_url: o.url,
    caravan: { item_id: o.itemId, external_id: o.externalId },
  };
}
