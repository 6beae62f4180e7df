// How many PATCHes a drag costs. 200 random single moves (seeded, so every run sees the same
// moves) on a 50-purpose list, each plan applied before the next move, so the cost includes
// how well earlier plans left room for later ones. Compared with renumbering the moved span
// (|from − to| + 1) and renumbering everything (50). Figures only: nothing here asserts.
import {
  MAX_ORDER,
  applyOrders,
  displaySequence,
  moveId,
  planReorder,
  type PlanItem,
} from '../src/features/callPurposes/reorder/planReorder';
import { mulberry32 } from '../src/features/callPurposes/reorder/planReorder.testing';

const PURPOSES = 50;
const MOVES = 200;
const SEED = 20_240_601;

interface Figures {
  label: string;
  meanPatches: number;
  medianPatches: number;
  maxPatches: number;
  oneWriteShare: number;
  meanSpan: number;
  everything: number;
  highestOrder: number;
}

function simulate(label: string, startOrder: (index: number) => number): Figures {
  const random = mulberry32(SEED);
  let items: PlanItem[] = Array.from({ length: PURPOSES }, (_, index) => ({
    id: index + 1,
    order: startOrder(index),
    canWrite: true,
  }));
  const costs: number[] = [];
  let spanTotal = 0;
  for (let move = 0; move < MOVES; move += 1) {
    const shown = displaySequence(items);
    const from = Math.floor(random() * PURPOSES);
    // A drop on the same place is no move; pick among the other 49 positions.
    let to = Math.floor(random() * (PURPOSES - 1));
    if (to >= from) to += 1;
    const id = shown[from];
    if (id === undefined) throw new Error('position out of range');
    const result = planReorder({ items, sequence: moveId(shown, id, to) });
    if (!result.ok) throw new Error(`move ${move} could not be planned: ${result.reason} (${result.blockingIds.join(', ')})`);
    costs.push(result.patches.length);
    spanTotal += Math.abs(from - to) + 1;
    items = applyOrders(items, result.orders);
  }
  const sorted = [...costs].sort((a, b) => a - b);
  const total = costs.reduce((sum, cost) => sum + cost, 0);
  return {
    label,
    meanPatches: total / MOVES,
    medianPatches: sorted[Math.floor(MOVES / 2)] ?? 0,
    maxPatches: sorted[MOVES - 1] ?? 0,
    oneWriteShare: costs.filter((cost) => cost === 1).length / MOVES,
    meanSpan: spanTotal / MOVES,
    everything: PURPOSES,
    highestOrder: Math.max(...items.map((item) => item.order ?? 0)),
  };
}

const runs = [
  simulate('orders 1..50', (index) => index + 1),
  simulate('orders 10, 20, …, 500', (index) => (index + 1) * 10),
];

console.log(
  `${MOVES} random single moves on ${PURPOSES} purposes (seed ${SEED}), PATCHes per move:`,
);
for (const run of runs) {
  console.log(
    `${run.label}: planner ${run.meanPatches.toFixed(2)} mean ` +
      `(median ${run.medianPatches}, max ${run.maxPatches}, ` +
      `${(run.oneWriteShare * 100).toFixed(0)}% of moves one PATCH) | ` +
      `renumber moved span ${run.meanSpan.toFixed(2)} | renumber everything ${run.everything} | ` +
      `highest order afterwards ${run.highestOrder} (limit ${MAX_ORDER})`,
  );
}
