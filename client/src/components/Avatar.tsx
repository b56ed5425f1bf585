interface AvatarProps {
  name: string;
  color: string;
  /** Accessible description; defaults to the name. */
  label?: string;
  size?: 'small' | 'medium';
}

function initials(name: string): string {
  // words that start with a letter: "Invité 309" gives "I", not "I3"
  const words = name.trim().split(/\s+/u).filter((word) => /^\p{L}/u.test(word));
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words.slice(0, 1);
  // Array.from splits by code point, so Arabic and accented letters stay whole
  return letters.map((word) => Array.from(word)[0] ?? '').join('').toLocaleUpperCase();
}

/**
 * A person's round badge with initials in their colour. The initials are drawn by CSS (from a data
 * attribute), not as text: they are no part of the visible label of a button or link holding the
 * avatar, whose accessible name must contain its visible text. With `label=""` the avatar is
 * decorative (the name is written beside it) and hidden from assistive technologies.
 */
export function Avatar({ name, color, label, size = 'medium' }: AvatarProps) {
  const decorative = label === '';
  return (
    <span
      className={`avatar avatar--${size}`}
      style={{ backgroundColor: color }}
      data-initials={initials(name)}
      {...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': label ?? name, title: label ?? name })}
    />
  );
}
