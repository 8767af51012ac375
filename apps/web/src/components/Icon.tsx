/** A small inline icon set (no icon font, no dependency). Icons are decorative: aria-hidden. */
const PATHS = {
  overview: 'M3 11 12 3l9 8v10h-6v-6H9v6H3z',
  network:
    'M11 2h2v5h-2zM4 9h16v2H4zM5 11h2v4H5zM11 11h2v4h-2zM17 11h2v4h-2zM3 15h6v6H3zM9 15h6v6H9zM15 15h6v6h-6z',
  compute:
    'M7 7h10v10H7zM9 9v6h6V9zM9 2h2v4H9zM13 2h2v4h-2zM9 18h2v4H9zM13 18h2v4h-2zM2 9h4v2H2zM2 13h4v2H2zM18 9h4v2h-4zM18 13h4v2h-4z',
  routes: 'M4 5h9l3 3-3 3H4zM20 13h-9l-3 3 3 3h9zM11 2h2v3h-2zM11 11h2v2h-2zM11 19h2v3h-2z',
  kubernetes:
    'M12 2 3 6.5v11L12 22l9-4.5v-11zm0 2.3 6.8 3.4v8.6L12 19.7l-6.8-3.4V7.7zM12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10zm0 2a3 3 0 1 1 0 6 3 3 0 0 1 0-6z',
  console: 'M3 4h18v16H3zm2 2v12h14V6zm2 2 4 4-4 4-1.4-1.4 2.6-2.6-2.6-2.6zm5 6h5v2h-5z',
  close:
    'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z',
  check: 'm9 16.2-4.2-4.2-1.4 1.4L9 19 21 7l-1.4-1.4z',
  error: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-2h2zm0-4h-2V7h2z',
  warning: 'M1 21h22L12 2zm12-3h-2v-2h2zm0-4h-2v-4h2z',
  info: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-6h2zm0-8h-2V7h2z',
  key: 'M12.65 10A6 6 0 1 0 7 18a6 6 0 0 0 5.65-4H17v4h4v-4h2v-4zM7 14a2 2 0 1 1 0-4 2 2 0 0 1 0 4z',
  lock: 'M6 10V8a6 6 0 1 1 12 0v2h1v12H5V10zm2 0h8V8a4 4 0 1 0-8 0zm3 4v4h2v-4z',
  signOut: 'M10 3h10v18H10v-2h8V5h-8zM8 8l1.4 1.4L7.8 11H15v2H7.8l1.6 1.6L8 16l-4-4z',
  pending: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16z',
  running: 'M12 2a10 10 0 1 0 10 10h-2a8 8 0 1 1-8-8z',
  eye: 'M12 5C6.5 5 2.7 8.6 1 12c1.7 3.4 5.5 7 11 7s9.3-3.6 11-7c-1.7-3.4-5.5-7-11-7zm0 12a5 5 0 1 1 0-10 5 5 0 0 1 0 10zm0-8a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  eyeOff:
    'M3.5 2.1 21.9 20.5l-1.4 1.4-3.1-3.1A11.9 11.9 0 0 1 12 19C6.5 19 2.7 15.4 1 12a13 13 0 0 1 4.1-4.8L2.1 3.5zM12 5c5.5 0 9.3 3.6 11 7a13.3 13.3 0 0 1-3 3.9l-3.2-3.2A5 5 0 0 0 11.3 7.1L9.1 4.9A12 12 0 0 1 12 5z',
  add: 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z',
  remove: 'M6 7h12l-1 14H7zM9 3h6l1 2h4v2H4V5h4z',
  edit: 'M4 17.2V20h2.8l8.3-8.3-2.8-2.8zM18.7 7.7a1 1 0 0 0 0-1.4l-1.4-1.4a1 1 0 0 0-1.4 0l-1.2 1.2 2.8 2.8z',
  refresh: 'M17.7 6.3A8 8 0 1 0 20 12h-2a6 6 0 1 1-1.8-4.2L13 11h7V4z',
  search:
    'M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z',
  globe:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.9 6h-3a15 15 0 0 0-1.3-3.6A8 8 0 0 1 18.9 8zM12 4.1c.8 1.1 1.5 2.4 1.9 3.9h-3.8c.4-1.5 1.1-2.8 1.9-3.9zM4.3 14a8 8 0 0 1 0-4h3.4a16 16 0 0 0 0 4zm.8 2h3a15 15 0 0 0 1.3 3.6A8 8 0 0 1 5.1 16zm3-8h-3a8 8 0 0 1 4.3-3.6A15 15 0 0 0 8.1 8zM12 19.9c-.8-1.1-1.5-2.4-1.9-3.9h3.8c-.4 1.5-1.1 2.8-1.9 3.9zm2.3-5.9H9.7a14 14 0 0 1 0-4h4.6a14 14 0 0 1 0 4zm.3 5.6a15 15 0 0 0 1.3-3.6h3a8 8 0 0 1-4.3 3.6zm1.7-5.6a16 16 0 0 0 0-4h3.4a8 8 0 0 1 0 4z',
  sortAscending: 'm12 6-6 7h12z',
  sortDescending: 'm12 18 6-7H6z',
  sortNone: 'm12 3-5 6h10zm0 18 5-6H7z',
  download: 'M11 3h2v9.2l3.6-3.6L18 10l-6 6-6-6 1.4-1.4 3.6 3.6zM4 18h16v2H4z',
  upload: 'M11 16h2V6.8l3.6 3.6L18 9l-6-6-6 6 1.4 1.4L11 6.8zM4 18h16v2H4z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({
  name,
  size = 20,
  className,
}: {
  name: IconName;
  size?: number;
  className?: string;
}) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
