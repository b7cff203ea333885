// The few icons Fluent UI's controls ask for, as inline SVG: no icon font from a CDN, no whole icon set.
import { registerIcons } from '@fluentui/react';

const svg = (d: string) => (
  <svg viewBox="0 0 16 16" width="1em" height="1em" fill="currentColor" aria-hidden="true">
    <path d={d} />
  </svg>
);

const check = 'M6 11.2 2.8 8l-1 1L6 13.2l8.2-8.2-1-1z';
const cross = 'M3.7 3 3 3.7 7.3 8 3 12.3l.7.7L8 8.7l4.3 4.3.7-.7L8.7 8 13 3.7l-.7-.7L8 7.3z';
const circle = (inner: string) => `M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1a6 6 0 1 1 0 12A6 6 0 0 1 8 2z${inner}`;

export function registerPaneIcons(): void {
  registerIcons({
    icons: {
      CheckMark: svg(check),
      Completed: svg(circle('M7 10.6 4.7 8.3l.7-.7L7 9.2l3.6-3.6.7.7z')),
      Cancel: svg(cross),
      Clear: svg(cross),
      ChevronDown: svg('M3.5 5.5 8 10l4.5-4.5.7.7L8 11.4 2.8 6.2z'),
      ChevronUp: svg('M3.5 10.5 8 6l4.5 4.5.7-.7L8 4.6 2.8 9.8z'),
      Up: svg('M8 2 3 7l.7.7L7.5 3.9V14h1V3.9l3.8 3.8.7-.7z'),
      Down: svg('M8 14l5-5-.7-.7-3.8 3.8V2h-1v10.1L3.7 8.3 3 9z'),
      Delete: svg('M6 2h4v1h4v1H2V3h4zm-2 3h8l-.6 9H4.6zm1.1 1 .4 7h5l.4-7z'),
      Add: svg('M7.5 2h1v5.5H14v1H8.5V14h-1V8.5H2v-1h5.5z'),
      Info: svg(circle('M7.5 7h1v4h-1zm0-2h1v1h-1z')),
      ErrorBadge: svg(circle('M7.5 4h1v5h-1zm0 6h1v1h-1z')),
      Blocked2: svg(circle('M4.5 7.5h7v1h-7z')),
      Warning: svg('M8 1 15 14H1zm0 2.2L2.7 13h10.6zM7.5 6h1v4h-1zm0 5h1v1h-1z'),
      Refresh: svg('M8 3a5 5 0 0 1 4.6 3H10v1h4V3h-1v2.1A6 6 0 1 0 14 8h-1a5 5 0 1 1-5-5z'),
      Page: svg('M3 1h6l4 4v10H3zm1 1v12h8V6H8V2zm5 .7V5h2.3z'),
      Attach: svg('M10.5 2A2.5 2.5 0 0 1 13 4.5V11a5 5 0 0 1-10 0V5h1v6a4 4 0 0 0 8 0V4.5a1.5 1.5 0 0 0-3 0V11a1 1 0 0 0 2 0V5h1v6a2 2 0 0 1-4 0V4.5A2.5 2.5 0 0 1 10.5 2z'),
      OpenInNewWindow: svg('M9 2h5v5h-1V3.7L7.4 9.3l-.7-.7L12.3 3H9zM2 4h5v1H3v8h8V9h1v5H2z'),
    },
  });
}
