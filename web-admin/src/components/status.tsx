import type { ReactNode } from 'react';
import { ErrorNotice as SharedErrorNotice } from '@essor/web-ui';

export { Loading, Success } from '@essor/web-ui';

/**
 * Transitional: the `message` form of `ErrorNotice`, kept only for PlanPage and SpaceItems while
 * they are being split (every other page uses `@essor/web-ui`'s `<ErrorNotice>{message}</ErrorNotice>`).
 */
export function ErrorNotice({ message, onRetry }: { message: ReactNode; onRetry?: () => void }) {
  return <SharedErrorNotice onRetry={onRetry}>{message}</SharedErrorNotice>;
}
