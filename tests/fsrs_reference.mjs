// Reference results for `k8s-flashcards optimize`, computed with fsrs-rs through its npm binding
// (@open-spaced-repetition/binding, the version pinned in tests/data/fsrs-optimizer/package.json).
// Run by hand; CI only reads what it writes. Node is never needed to build or test the app.
//
//   mkdir -p /tmp/fsrsref && cp tests/data/fsrs-optimizer/package.json /tmp/fsrsref/ &&
//     (cd /tmp/fsrsref && npm install)
//   FSRS_BINDING_DIR=/tmp/fsrsref node tests/fsrs_reference.mjs
//
// For each simulated learner (true FSRS-6 parameters well away from the defaults) it writes
// tests/data/fsrs-optimizer/LEARNER.csv, a review history in the format of File → Export Review
// History, and into reference.json: the items fsrs-rs sees, the parameters its computeParameters
// fits, and its evaluate (log loss, RMSE over bins) on the default and on the fitted parameters.
// It also records the smallest number of items for which fsrs-rs stops finding NotEnoughData
// (below it the binding returns the default parameters), and fsrs-rs's time to fit a 1,000-review history on this machine
// (tests/bench/bench_optimize prints ours). The histories are seeded: a rerun gives the same
// files, apart from the times.
//
// Days are counted as `optimize --day-start 4` counts them with TZ=UTC: a day starts at 04:00 UTC.

import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'data', 'fsrs-optimizer');
const bindingDir = process.env.FSRS_BINDING_DIR ?? out;
const require = createRequire(join(bindingDir, 'package.json'));
const binding = require('@open-spaced-repetition/binding');
const installed = JSON.parse(
  readFileSync(join(bindingDir, 'node_modules/@open-spaced-repetition/binding/package.json'), 'utf8')).version;
const pinned = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'))
  .dependencies['@open-spaced-repetition/binding'];
if (installed !== pinned) {
  console.error(`binding ${installed} is installed, but ${pinned} is pinned`);
  process.exit(1);
}

const DEFAULTS = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
  1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const DAY_START = 4 * HOUR;
const START = Date.UTC(2025, 0, 6);

/** mulberry32: a small seeded generator, so every run writes the same histories. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The FSRS-6 memory model as fsrs-rs steps it (no rounding), for the learner's true memory and
// for the scheduler that plans the learner's reviews.
const clamp = (x, lo, hi) => Math.min(Math.max(x, lo), hi);
function recall(w, t, s) {
  const decay = -w[20];
  const factor = Math.pow(0.9, 1 / decay) - 1;
  return Math.pow(1 + factor * t / s, decay);
}
const initD = (w, g) => w[4] - Math.exp(w[5] * (g - 1)) + 1;
function initial(w, g) {
  return { s: clamp(w[g - 1], 0.001, 36500), d: clamp(initD(w, g), 1, 10) };
}
function step(w, m, t, g) {
  const r = recall(w, t, m.s);
  let s;
  if (t === 0) {
    const inc = Math.exp(w[17] * (g - 3 + w[18])) * Math.pow(m.s, -w[19]);
    s = m.s * (g >= 2 ? Math.max(inc, 1) : inc);
  } else if (g === 1) {
    s = Math.min(w[11] * Math.pow(m.d, -w[12]) * (Math.pow(m.s + 1, w[13]) - 1) * Math.exp((1 - r) * w[14]),
      m.s / Math.exp(w[17] * w[18]));
  } else {
    const bonus = g === 2 ? w[15] : g === 4 ? w[16] : 1;
    s = m.s * (1 + Math.exp(w[8]) * (11 - m.d) * Math.pow(m.s, -w[9]) * (Math.exp((1 - r) * w[10]) - 1) * bonus);
  }
  const d0 = m.d + (-w[6] * (g - 3)) * (10 - m.d) / 9;
  const d = clamp(w[7] * (initD(w, 4) - d0) + d0, 1, 10);
  return { s: clamp(s, 0.001, 36500), d };
}

const day = (ms) => Math.floor((ms - DAY_START) / DAY);

/**
 * A learner who studies `perDay` new cards a day in an app that schedules with the default
 * parameters at `retention`, and whose memory follows `trueW`. Learning and relearning steps are
 * same-day reviews; answers come late now and then, as a real learner's do.
 */
function simulate({ seed, trueW, retention, perDay, maxReviews, firstRatings, passRatings }) {
  const random = seededRandom(seed);
  const pick = (weights) => {
    let x = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < weights.length; ++i) if ((x -= weights[i]) < 0) return i;
    return weights.length - 1;
  };
  const cards = [];
  const rows = [];
  const review = (card, unrounded, rating) => {
    const time = Math.round(unrounded); // whole milliseconds, as the app logs them
    const elapsed = card.last === undefined ? 0 : day(time) - day(card.last);
    if (card.last === undefined) {
      card.truth = initial(trueW, rating);
      card.plan = initial(DEFAULTS, rating);
    } else {
      card.truth = step(trueW, card.truth, elapsed, rating);
      card.plan = step(DEFAULTS, card.plan, elapsed, rating);
    }
    card.last = time;
    rows.push({ card: card.id, time, rating });
  };
  const answer = (card, time) => {
    const elapsed = day(time) - day(card.last);
    if (random() >= recall(trueW, elapsed, card.truth.s)) return 1;
    return 2 + pick(passRatings);
  };
  // Same-day steps until the card is passed; each step is remembered with its own chance.
  const steps = (card, time) => {
    let t = time;
    for (let n = 0; n < 3 && card.lastRating <= 2; ++n) {
      t += (5 + random() * 20) * 60 * 1000;
      card.lastRating = random() < 0.8 ? 3 : 1;
      review(card, t, card.lastRating);
    }
    return t;
  };
  for (let d = 0; rows.length < maxReviews; ++d) {
    const morning = START + d * DAY + DAY_START + 4 * HOUR;
    let time = morning + random() * 2 * HOUR;
    for (let i = 0; i < perDay; ++i)
      cards.push({ id: `card-${String(cards.length + 1).padStart(4, '0')}`, due: d });
    // A learner who skips a day now and then reviews the backlog the next day.
    if (random() < 0.1) continue;
    for (const card of cards) {
      if (card.due > d || rows.length >= maxReviews) continue;
      time += 20000 + random() * 60000;
      if (card.last === undefined) {
        card.lastRating = 1 + pick(firstRatings);
        review(card, time, card.lastRating);
      } else {
        card.lastRating = answer(card, time);
        review(card, time, card.lastRating);
      }
      time = Math.max(time, steps(card, time));
      const interval = card.plan.s / (Math.pow(0.9, 1 / -DEFAULTS[20]) - 1) *
        (Math.pow(retention, 1 / -DEFAULTS[20]) - 1);
      card.due = d + Math.max(1, Math.round(interval)) + (random() < 0.2 ? Math.floor(random() * 4) : 0);
    }
  }
  rows.sort((a, b) => a.time - b.time);
  return rows;
}

/** The review-history CSV that File → Export Review History writes. */
function historyCsv(rows) {
  const lines = ['card_id,reviewed_at,rating,duration_ms,kind,state_before'];
  for (const r of rows)
    lines.push(`${r.card},${new Date(r.time).toISOString()},${r.rating},${4000 + (r.time % 7000)},study,`);
  return lines.join('\n') + '\n';
}

/**
 * fsrs-rs's items, built as Anki builds them: for each review on a later day than the card's
 * review before it, the card's reviews up to it; in the order of those reviews.
 */
function fsrsItems(rows) {
  const byCard = new Map();
  const items = [];
  for (const r of rows) {
    const history = byCard.get(r.card) ?? [];
    const deltaT = history.length === 0 ? 0 : day(r.time) - day(history[history.length - 1].time);
    history.push({ time: r.time, rating: r.rating, deltaT });
    byCard.set(r.card, history);
    if (history.length > 1 && deltaT > 0)
      items.push(history.map((h) => [h.rating, h.deltaT]));
  }
  return items;
}

const toBinding = (items) => items.map(
  (reviews) => new binding.FSRSBindingItem(reviews.map(([g, t]) => new binding.FSRSBindingReview(g, t))));

async function fit(items, enableShortTerm) {
  const started = performance.now();
  const parameters = await binding.computeParameters(toBinding(items), { enableShortTerm, numRelearningSteps: 1 });
  return { parameters, ms: performance.now() - started };
}

function evaluate(items, parameters) {
  const e = new binding.FSRSBinding(parameters).evaluate(toBinding(items));
  return { log_loss: e.logLoss, rmse_bins: e.rmseBins };
}

const w = (changes) => DEFAULTS.map((v, i) => (i in changes ? changes[i] : v));
const learners = [
  {
    name: 'forgetful',
    enableShortTerm: true,
    seed: 11,
    trueW: w({ 0: 0.08, 1: 0.5, 2: 1.0, 3: 3.5, 4: 7.2, 6: 1.8, 8: 1.3, 9: 0.3, 10: 1.2, 11: 1.9, 14: 2.2, 20: 0.3 }),
    retention: 0.9, perDay: 12, maxReviews: 3000,
    firstRatings: [0.3, 0.15, 0.5, 0.05], passRatings: [0.2, 0.7, 0.1],
  },
  {
    name: 'retentive',
    enableShortTerm: true,
    seed: 22,
    trueW: w({ 0: 1.2, 1: 3.0, 2: 6.0, 3: 20.0, 4: 5.0, 5: 0.5, 8: 2.4, 9: 0.1, 10: 0.5, 11: 0.8, 13: 0.4, 20: 0.5 }),
    retention: 0.85, perDay: 10, maxReviews: 3000,
    firstRatings: [0.1, 0.1, 0.6, 0.2], passRatings: [0.1, 0.7, 0.2],
  },
  {
    name: 'hard-graders',
    enableShortTerm: true,
    seed: 33,
    trueW: w({ 2: 4.0, 4: 8.0, 5: 1.3, 6: 1.0, 7: 0.05, 8: 1.6, 15: 0.3, 16: 3.0, 17: 1.2, 18: 0.5, 19: 0.3 }),
    retention: 0.9, perDay: 15, maxReviews: 3500,
    firstRatings: [0.2, 0.3, 0.4, 0.1], passRatings: [0.4, 0.5, 0.1],
  },
  {
    name: 'long-term',
    enableShortTerm: false,
    seed: 44,
    trueW: w({ 0: 0.5, 1: 2.0, 2: 4.5, 3: 15.0, 8: 2.1, 9: 0.35, 10: 1.2, 11: 2.2, 12: 0.2, 17: 0, 18: 0, 19: 0,
      20: 0.25 }),
    retention: 0.9, perDay: 10, maxReviews: 2500,
    firstRatings: [0.15, 0.15, 0.55, 0.15], passRatings: [0.15, 0.7, 0.15],
  },
];

/**
 * The fewest items (each a card rated Good, then reviewed the next day) that fsrs-rs fits. With
 * fewer, fsrs-rs's pre-training finds NotEnoughData (its outlier filter drops the first 20 items
 * of each first rating), and the binding answers with the default parameters instead.
 */
async function notEnoughDataThreshold() {
  for (let n = 1; n <= 200; ++n) {
    const items = Array.from({ length: n }, () => [[3, 0], [3, 1]]);
    const parameters = await binding.computeParameters(toBinding(items), { enableShortTerm: true });
    if (parameters.some((p, i) => Math.abs(p - DEFAULTS[i]) > 1e-6)) return n;
  }
  throw new Error('no threshold below 200 items');
}

const round = (x) => Number(x.toPrecision(9));
mkdirSync(out, { recursive: true });
const reference = {
  binding: installed,
  day_start_hour: 4,
  time_zone: 'UTC',
  not_enough_data_below_items: await notEnoughDataThreshold(),
  learners: [],
};
for (const learner of learners) {
  const rows = simulate(learner);
  writeFileSync(join(out, `${learner.name}.csv`), historyCsv(rows));
  const items = fsrsItems(rows);
  const fitted = await fit(items, learner.enableShortTerm);
  reference.learners.push({
    name: learner.name,
    long_term: !learner.enableShortTerm,
    reviews: rows.length,
    items: items.length,
    true_parameters: learner.trueW,
    fsrs_rs_parameters: fitted.parameters.map(round),
    default: evaluate(items, DEFAULTS),
    fsrs_rs: evaluate(items, fitted.parameters),
  });
  console.log(`${learner.name}: ${rows.length} reviews, ${items.length} items, fitted in ${fitted.ms.toFixed(0)} ms`);
}

// fsrs-rs's time on a 1,000-review history (the first 1,000 reviews of the first learner), the
// median of seven fits, for bench_optimize to compare with.
const bench = simulate({ ...learners[0], maxReviews: 1000 });
writeFileSync(join(out, 'bench-1000.csv'), historyCsv(bench));
const times = [];
for (let i = 0; i < 7; ++i) times.push((await fit(fsrsItems(bench), true)).ms);
times.sort((a, b) => a - b);
reference.bench_1000_reviews_ms = round(times[3]);
console.log(`1,000 reviews: fsrs-rs fits in ${times[3].toFixed(1)} ms (median of 7)`);

writeFileSync(join(out, 'reference.json'), JSON.stringify(reference, null, 2) + '\n');
