import type { ItemData, Modality } from '../../shared/methods.ts';

const MEDIA_FIELDS = ['text', 'image', 'audio', 'video'] as const;
const SHOWN_ELSEWHERE = new Set<string>([...MEDIA_FIELDS, 'prompt', 'a', 'b']);

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Renders an item's content: media for its fields, then any other short fields as context. */
export function ItemView({
  data,
  modality,
  omit = [],
}: {
  data: ItemData;
  modality: Modality;
  omit?: readonly string[];
}) {
  const skip = new Set(omit);
  const image = skip.has('image') ? null : str(data.image);
  const audio = skip.has('audio') ? null : str(data.audio);
  const video = skip.has('video') ? null : str(data.video);
  const text = skip.has('text') ? null : str(data.text);
  const context = Object.entries(data).filter(
    ([key, value]) =>
      !SHOWN_ELSEWHERE.has(key) && !skip.has(key) && (typeof value === 'string' || typeof value === 'number'),
  );
  const nothing = !image && !audio && !video && !text;
  return (
    <div className="item-view">
      {image && <img className="item-image" src={image} alt="Item to label" />}
      {video && (
        // biome-ignore lint/a11y/useMediaCaption: contributors transcribe these; captions do not exist yet
        <video className="item-media" src={video} controls preload="auto" />
      )}
      {audio && (
        // biome-ignore lint/a11y/useMediaCaption: contributors transcribe these; captions do not exist yet
        <audio className="item-media" src={audio} controls preload="auto" />
      )}
      {text && <div className="item-text">{text}</div>}
      {nothing && omit.length === 0 && (
        <p className="muted">
          This item has no {modality} content to show. Skip it as “unclear” if you cannot label it.
        </p>
      )}
      {context.length > 0 && (
        <dl className="item-context">
          {context.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{String(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
