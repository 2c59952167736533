/**
 * A machine's name as the device reported it: one line, cut with an ellipsis past
 * `max-w`, and the whole value on hover. A 255-character host name without spaces
 * must not make a page wider than the screen (issue 13, point 7).
 */
export function DeviceName({ name, fallback, className = '', testId }: { name: string; fallback: string; className?: string; testId?: string }) {
  return (
    <span className={`block max-w-64 truncate ${className}`} title={name || undefined} data-testid={testId}>
      {name || fallback}
    </span>
  );
}
