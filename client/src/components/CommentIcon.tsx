/** A speech bubble, decorative (the count beside it carries the meaning). */
export function CommentIcon() {
  return (
    <svg className="comment-icon" viewBox="0 0 24 24" width="12" height="12" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinejoin="round">
      <path d="M4 5h16v11H9l-5 4z" />
    </svg>
  );
}
