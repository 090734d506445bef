import { type Feedback, feedbackCommentMaxLength, type Message } from '@hearth/schema';
import { type FormEvent, useId, useState } from 'react';
import { appStorage } from '../../app/app-storage.ts';
import { setFeedback } from '../../db/messages-repository.ts';
import { useStrings } from '../../i18n/use-strings.ts';
import { afterThumb, type Thumb, thumbOf } from './feedback-choice.ts';
import { feedbackStrings } from './feedback-strings.ts';

/**
 * The person's rating of one answer: two thumbs for the quick judgement, and a form for 1-5 with a
 * comment. The rating is a field of the answer's record, so it syncs and is exported with it.
 */
export function AnswerFeedback({ message }: { message: Message }) {
  const s = useStrings(feedbackStrings);
  const [open, setOpen] = useState(false);
  const feedback = message.feedback;
  const shown = thumbOf(feedback);
  const pressThumb = (thumb: Thumb) => {
    const next = afterThumb(feedback, thumb);
    if (next.kind === 'open_details') setOpen(true);
    else void setFeedback(appStorage(), message.id, next.feedback).catch(() => setOpen(true));
  };
  return (
    <>
      <button
        type="button"
        className="message-action icon-action"
        aria-pressed={shown === 'up'}
        aria-label={s.goodAnswer}
        title={s.goodAnswer}
        onClick={() => pressThumb('up')}
      >
        <ThumbIcon direction="up" />
      </button>
      <button
        type="button"
        className="message-action icon-action"
        aria-pressed={shown === 'down'}
        aria-label={s.badAnswer}
        title={s.badAnswer}
        onClick={() => pressThumb('down')}
      >
        <ThumbIcon direction="down" />
      </button>
      <button type="button" className="message-action" aria-expanded={open} onClick={() => setOpen(!open)}>
        {feedback ? s.rated(feedback.rating) : s.rate}
      </button>
      {feedback?.comment && !open && (
        <p className="feedback-comment">
          <span className="visually-hidden">{s.yourFeedback(feedback.rating)}: </span>
          {feedback.comment}
        </p>
      )}
      {open && <FeedbackForm messageId={message.id} initial={feedback} onDone={() => setOpen(false)} />}
    </>
  );
}

function FeedbackForm({
  messageId,
  initial,
  onDone,
}: {
  messageId: string;
  initial: Feedback | null;
  onDone: () => void;
}) {
  const s = useStrings(feedbackStrings);
  const [rating, setRating] = useState(initial?.rating ?? 0);
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [failed, setFailed] = useState(false);
  const commentId = useId();
  const hintId = useId();
  const errorId = useId();
  const tooLong = comment.length > feedbackCommentMaxLength;
  const save = (next: Feedback | null) => {
    setFailed(false);
    setFeedback(appStorage(), messageId, next).then(onDone, () => setFailed(true));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (rating === 0 || tooLong) return;
    save({ rating, comment: comment.trim() });
  };
  return (
    <form className="feedback-form" aria-label={s.formLabel} onSubmit={onSubmit}>
      <fieldset className="feedback-rating">
        <legend>{s.rating}</legend>
        {[1, 2, 3, 4, 5].map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={`rating-${messageId}`}
              value={value}
              checked={rating === value}
              aria-label={s.ratingValue(value)}
              onChange={() => setRating(value)}
            />
            <span aria-hidden="true">{value}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={commentId}>{s.comment}</label>
      <textarea
        id={commentId}
        className="feedback-input"
        value={comment}
        aria-describedby={tooLong ? `${hintId} ${errorId}` : hintId}
        aria-invalid={tooLong}
        onChange={(event) => setComment(event.target.value)}
      />
      <p id={hintId} className="field-hint">
        {s.commentHint}
      </p>
      {tooLong && (
        <p id={errorId} className="field-error" role="alert">
          {s.commentTooLong(feedbackCommentMaxLength)}
        </p>
      )}
      {failed && <p role="alert">{s.saveFailed}</p>}
      <div className="message-edit-actions">
        <button type="submit" className="button primary" disabled={rating === 0 || tooLong}>
          {s.save}
        </button>
        {initial && (
          <button type="button" className="button" onClick={() => save(null)}>
            {s.remove}
          </button>
        )}
        <button type="button" className="button" onClick={onDone}>
          {s.cancel}
        </button>
      </div>
    </form>
  );
}

/** Drawn, not a glyph: the app must not depend on an emoji font being installed. */
function ThumbIcon({ direction }: { direction: 'up' | 'down' }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      style={direction === 'down' ? { transform: 'rotate(180deg)' } : undefined}
    >
      <path
        fill="currentColor"
        d="M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3a1.5 1.5 0 0 0-.4-1L13.2 1 6.6 7.6A2 2 0 0 0 6 9v10a2 2 0 0 0 2 2h9a2 2 0 0 0 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z"
      />
    </svg>
  );
}
