/**
 * Runs one session call at a time for a screen, with a progress message the
 * screen shows in a live region. Before each call the browser gets a frame to
 * paint the spinner, so long runs never look frozen.
 */
import { useCallback, useRef, useState } from 'react';
import type { ProgressListener, ProgressStep } from '../core/usecases/types';

/** Lets the browser paint (spinner, progress text) before work continues. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface Task {
  busy: boolean;
  progress: string;
  /** How far the work has got, when the session says (rows read, sheets written). */
  step: ProgressStep | null;
  /** Runs `work` unless another run is under way; `work` may report progress. */
  run<T>(firstMessage: string, work: (onProgress: ProgressListener) => Promise<T>): Promise<T | undefined>;
}

export function useTask(): Task {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const [step, setStep] = useState<ProgressStep | null>(null);
  const running = useRef(false);

  const run = useCallback(async <T,>(firstMessage: string, work: (onProgress: ProgressListener) => Promise<T>) => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setProgress(firstMessage);
    setStep(null);
    try {
      await yieldToBrowser();
      return await work((message, at) => {
        setProgress(message);
        // A message without a step (e.g. "Drawing the charts…") keeps the bar where it was.
        if (at && at.total > 0) setStep({ done: Math.min(at.done, at.total), total: at.total });
      });
    } finally {
      running.current = false;
      setBusy(false);
      setProgress('');
      setStep(null);
    }
  }, []);

  return { busy, progress, step, run };
}
