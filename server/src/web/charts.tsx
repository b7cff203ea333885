// Small charts drawn as inline SVG on the server: no script, readable by screen readers through their titles.
import type { ProcessStatistics } from '../domain/process/process-statistics';

export function WeeklyChart({ weeks }: { weeks: ProcessStatistics['weeks'] }) {
  const max = Math.max(1, ...weeks.flatMap((w) => [w.started, w.completed]));
  const width = 560;
  const height = 150;
  const slot = width / weeks.length;
  const bar = (slot - 10) / 2;
  const y = (n: number) => height - 20 - (n / max) * (height - 34);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="weekly-title" style="width:100%;max-width:640px;height:auto">
      <title id="weekly-title">Processes started and completed per week</title>
      {weeks.map((w, i) => (
        <g>
          <rect x={i * slot + 4} y={y(w.started)} width={bar} height={height - 20 - y(w.started)} fill="#0f5cc0">
            <title>{`Week of ${w.week}: ${w.started} started`}</title>
          </rect>
          <rect x={i * slot + 4 + bar + 2} y={y(w.completed)} width={bar} height={height - 20 - y(w.completed)} fill="#137333">
            <title>{`Week of ${w.week}: ${w.completed} completed`}</title>
          </rect>
          {i % 2 === 0 ? (
            <text x={i * slot + 4} y={height - 6} font-size="10" fill="#5b6570">
              {w.week.slice(5)}
            </text>
          ) : null}
        </g>
      ))}
      <text x="0" y="10" font-size="10" fill="#5b6570">{`max ${max}`}</text>
    </svg>
  );
}

export function WaitingChart({ waitingAt }: { waitingAt: ProcessStatistics['waitingAt'] }) {
  if (waitingAt.length === 0) return <p class="muted">No pending processes.</p>;
  const max = Math.max(...waitingAt.map((w) => w.count));
  const rowHeight = 22;
  return (
    <svg viewBox={`0 0 420 ${waitingAt.length * rowHeight + 4}`} role="img" aria-labelledby="waiting-title" style="width:100%;max-width:480px;height:auto">
      <title id="waiting-title">Pending processes by the signer they wait for</title>
      {waitingAt.map((w, i) => (
        <g>
          <text x="0" y={i * rowHeight + 15} font-size="12" fill="#1d2329">{`Signer ${w.position}`}</text>
          <rect x="70" y={i * rowHeight + 3} width={Math.max(2, (w.count / max) * 300)} height="15" fill="#8a5a00" />
          <text x={76 + Math.max(2, (w.count / max) * 300)} y={i * rowHeight + 15} font-size="12" fill="#1d2329">
            {String(w.count)}
          </text>
        </g>
      ))}
    </svg>
  );
}

export const formatDuration = (hours: number | null) =>
  hours === null ? '—' : hours < 48 ? `${hours.toFixed(1)} hours` : `${(hours / 24).toFixed(1)} days`;
