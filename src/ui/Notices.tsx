interface NoticesProps {
  readonly notices: readonly string[];
  readonly onDismiss?: () => void;
}

/** Problems with the link or the data that did not stop the page: said once, politely. */
export function Notices({ notices, onDismiss }: NoticesProps) {
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert">
      <p className="notices-title">Parts of this link could not be used:</p>
      <ul>
        {notices.map((notice, index) => (
          <li key={index}>{notice}</li>
        ))}
      </ul>
      {onDismiss ? (
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      ) : null}
    </div>
  );
}
