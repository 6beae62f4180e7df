import { createContext } from 'react';
import type { BlockableHistory } from './blockableHistory';

/** The history the app's router navigates with; what must hold a navigation back asks it. */
export const HistoryContext = createContext<BlockableHistory | null>(null);
