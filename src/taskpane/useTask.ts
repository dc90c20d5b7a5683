/**
 * Runs one session call at a time for a screen, with a progress message the
 * screen shows in a live region. Before each call the browser gets a frame to
 * paint the spinner, so long runs never look frozen.
 */
import { useCallback, useRef, useState } from 'react';

/** Lets the browser paint (spinner, progress text) before work continues. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface Task {
  busy: boolean;
  progress: string;
  /** Runs `work` unless another run is under way; `work` may report progress. */
  run<T>(firstMessage: string, work: (onProgress: (message: string) => void) => Promise<T>): Promise<T | undefined>;
}

export function useTask(): Task {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const running = useRef(false);

  const run = useCallback(async <T,>(firstMessage: string, work: (onProgress: (message: string) => void) => Promise<T>) => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setProgress(firstMessage);
    try {
      await yieldToBrowser();
      return await work((message) => setProgress(message));
    } finally {
      running.current = false;
      setBusy(false);
      setProgress('');
    }
  }, []);

  return { busy, progress, run };
}
