// One progress bar for long imports and exports: drawn on standard error when it is a terminal, silent otherwise (logs
// and pipes get only the final summary line). A run may have phases (validating, then importing), each with its total.
import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  /** Starts (or restarts) the bar for a phase of `total` units; `unit` is shown after the counts. */
  phase(label: string, total: number, unit: string): void;
  update(done: number): void;
  stop(): void;
}

const silent: Progress = { phase: () => undefined, update: () => undefined, stop: () => undefined };

export function progressBar(enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return silent;
  let bar: SingleBar | null = null;
  return {
    phase(label, total, unit) {
      bar?.stop();
      bar = new SingleBar(
        { format: `${label} {bar} {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`, formatValue: (v, _o, type) => (type === 'value' || type === 'total' ? v.toLocaleString('en-US') : String(v)), etaBuffer: 50, stream: process.stderr },
        Presets.shades_classic,
      );
      bar.start(Math.max(total, 1), 0);
    },
    update(done) {
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
