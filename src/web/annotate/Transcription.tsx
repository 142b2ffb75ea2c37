import { useRef, useState } from 'react';
import { Kbd } from '../components/Kbd.tsx';
import { ShortcutLegend } from '../components/ShortcutLegend.tsx';
import { ItemView } from './ItemView.tsx';
import type { MethodProps } from './MethodProps.ts';
import { isSubmitChord, useHotkeys } from './useHotkeys.ts';

/** Transcribe audio or video (or an image or text): Ctrl+Space plays and pauses, Ctrl+Enter submits. */
export function Transcription({
  config,
  data,
  modality,
  active,
  submitting,
  onSubmit,
  initial,
}: MethodProps<'transcription'>) {
  const [text, setText] = useState(initial?.text ?? '');
  const videoRef = useRef<HTMLVideoElement>(null);
  const audioRef = useRef<HTMLAudioElement>(null);
  const audio = typeof data.audio === 'string' ? data.audio : null;
  const video = typeof data.video === 'string' ? data.video : null;

  function togglePlay() {
    const media = videoRef.current ?? audioRef.current;
    if (!media) return;
    if (media.paused) void media.play();
    else media.pause();
  }

  useHotkeys(active, (event) => {
    if (isSubmitChord(event)) {
      onSubmit({ text });
      return true;
    }
    if (event.code === 'Space' && (event.ctrlKey || event.metaKey)) {
      togglePlay();
      return true;
    }
    return false;
  });

  const hasMedia = Boolean(video || audio);
  return (
    <div className="method">
      {video ? (
        // biome-ignore lint/a11y/useMediaCaption: the contributor is writing the captions
        <video ref={videoRef} className="item-media" src={video} controls preload="auto" />
      ) : audio ? (
        // biome-ignore lint/a11y/useMediaCaption: the contributor is writing the captions
        <audio ref={audioRef} className="item-media" src={audio} controls preload="auto" />
      ) : null}
      <ItemView data={data} modality={modality} omit={hasMedia ? ['audio', 'video'] : []} />
      <label className="field">
        <span>Transcription</span>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={6}
          autoFocus
          placeholder={hasMedia ? 'Write exactly what you hear…' : 'Write exactly what you see…'}
          spellCheck
        />
        <span className={text.trim().length < config.minLength ? 'hint warn' : 'hint'}>
          {text.length} characters
        </span>
      </label>
      <div className="row">
        {hasMedia && (
          <button type="button" className="btn" onClick={togglePlay}>
            Play / pause <Kbd>Ctrl</Kbd>+<Kbd>Space</Kbd>
          </button>
        )}
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => onSubmit({ text })}
          disabled={submitting}
        >
          {submitting ? 'Submitting…' : 'Submit'} <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd>
        </button>
      </div>
      <ShortcutLegend
        shortcuts={[
          ...(hasMedia ? [{ keys: ['Ctrl+Space'], action: 'play / pause' }] : []),
          { keys: ['Ctrl+Enter'], action: 'submit' },
        ]}
      />
    </div>
  );
}
