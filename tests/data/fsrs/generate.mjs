// Reference vectors for k8sfc::Fsrs, computed with ts-fsrs (the reference FSRS-6 implementation).
//
//   cd tests/data/fsrs && npm ci && npm run generate
//
// Writes, next to this file:
//   vectors-short-term.json         ts-fsrs defaults (learning steps 1m 10m, relearning 10m)
//   vectors-long-term.json          the same with enable_short_term: false
//   vectors-custom-short-term.json  other weights, retention, maximum interval and steps
//   vectors-custom-long-term.json   the same with enable_short_term: false
// and, in ../replay, the fixture of `k8s-flashcards replay` with its expected output per mode.
// Every output is deterministic: running this twice gives the same files.

import { createEmptyCard, fsrs, generatorParameters, State } from 'ts-fsrs';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const tsFsrsVersion = JSON.parse(readFileSync(join(here, 'node_modules/ts-fsrs/package.json'), 'utf8')).version;

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const UNIT = { s: SEC, m: MIN, h: HOUR, d: DAY };

/** ISO 8601 in UTC, without milliseconds when there are none. */
const iso = (date) => date.toISOString().replace('.000Z', 'Z');

/** mulberry32: a small seeded generator, so the random cards are the same on every run. */
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

// ---------------------------------------------------------------------------------------------
// Scenarios. A card is a start time and a list of [when, rating]. `when` is read against the
// card's state in the mode being generated, so one scenario serves every mode:
//   'due'          at the card's due time
//   'due+3h'       relative to the due time ('due-2d' is a review before due)
//   '+5m'          relative to the previous review ('+0s' is the same moment)
//   'half'         halfway between the previous review and the due time
// A time before the previous review is moved up to it (ts-fsrs rejects negative elapsed days).

const handmade = [
  // All four ratings from New, then on to review.
  ['new-again', '2024-01-10T08:00:00Z', [['+0s', 1], ['due', 1], ['due', 3], ['due', 3], ['due', 3], ['due', 3]]],
  ['new-hard', '2024-01-10T08:00:00Z', [['+0s', 2], ['due', 2], ['due', 3], ['due', 3], ['due', 3], ['due', 4]]],
  ['new-good', '2024-01-10T08:00:00Z', [['+0s', 3], ['due', 3], ['due', 3], ['due', 3], ['due', 3], ['due', 3]]],
  ['new-easy', '2024-01-10T08:00:00Z', [['+0s', 4], ['due', 3], ['due', 4], ['due', 2], ['due', 3], ['due', 1]]],
  // Hard and Easy on learning steps; Hard on the second step; Again back to the first step.
  ['learning-hard', '2024-02-01T12:00:00Z',
    [['+0s', 3], ['due', 2], ['due', 2], ['due', 1], ['due', 2], ['due', 3], ['due', 3], ['due', 3]]],
  ['learning-easy', '2024-02-01T12:00:00Z', [['+0s', 2], ['due', 4], ['due', 3], ['due', 2], ['due', 3]]],
  ['learning-again', '2024-02-01T12:00:30Z',
    [['+0s', 3], ['due', 1], ['due', 1], ['due', 3], ['due', 1], ['due', 3], ['due', 3], ['due', 3]]],
  // Lapses: Again on review cards, then every grade in relearning.
  ['lapse-relearn', '2024-03-05T09:30:00Z',
    [['+0s', 3], ['due', 3], ['due', 3], ['due', 1], ['due', 2], ['due', 1], ['due', 3], ['due', 3], ['due', 1],
      ['due', 4], ['due', 3], ['due', 1], ['due', 3], ['due', 3]]],
  ['lapse-overdue', '2024-03-05T09:30:00Z',
    [['+0s', 4], ['due+30d', 1], ['due', 2], ['due', 3], ['due+200d', 1], ['+2d', 3], ['due', 3], ['due', 3]]],
  ['lapse-twice', '2024-03-06T16:45:10Z',
    [['+0s', 3], ['due', 3], ['due', 3], ['due', 1], ['+3m', 1], ['due', 3], ['due', 1], ['due', 1], ['due', 3],
      ['due', 3]]],
  // Several reviews on one day, of learning and of review cards.
  ['same-day', '2024-04-02T06:00:00Z',
    [['+0s', 3], ['+1m', 3], ['+30m', 3], ['+2h', 2], ['+1h', 4], ['+3h', 3], ['due', 3], ['+1h', 1], ['+2h', 3],
      ['+1h', 3], ['due', 3]]],
  ['same-moment', '2024-04-02T06:00:00Z', [['+0s', 3], ['+0s', 3], ['+0s', 3], ['+0s', 1], ['+0s', 4], ['due', 3]]],
  // Across midnight UTC: 23:58 and 00:03 are different days.
  ['midnight', '2024-05-09T23:50:00Z',
    [['+0s', 3], ['+8m', 3], ['+5m', 3], ['due-1h', 3], ['+2h', 2], ['due', 3]]],
  // Learning left for days; a learning card reviewed far too late.
  ['learning-late', '2024-05-20T10:00:00Z', [['+0s', 1], ['+3d', 3], ['+5d', 3], ['due', 3], ['due', 3]]],
  ['learning-years', '2024-05-20T10:00:00Z', [['+0s', 3], ['+800d', 2], ['+2d', 3], ['due', 3]]],
  // Reviews before due.
  ['early', '2024-06-01T07:15:00Z',
    [['+0s', 3], ['due', 3], ['due', 3], ['half', 3], ['half', 3], ['due-2d', 3], ['half', 1], ['due', 3],
      ['due-1d', 4], ['half', 2]]],
  ['early-same-day', '2024-06-01T07:15:00Z', [['+0s', 4], ['+4h', 3], ['+2h', 1], ['due', 3], ['+1h', 3]]],
  // Very long gaps: years, decades, and past the maximum interval.
  ['years', '2020-01-01T10:00:00Z',
    [['+0s', 3], ['due', 3], ['+730d', 3], ['+1825d', 3], ['+3650d', 1], ['due', 3], ['due', 3]]],
  ['max-interval', '2000-01-01T10:00:00Z',
    [['+0s', 4], ['+2000d', 4], ['+30000d', 4], ['+40000d', 3], ['+40000d', 4], ['+40000d', 2], ['+40000d', 3],
      ['+40000d', 1], ['due', 3], ['due', 4]]],
  ['max-interval-good', '2001-07-04T18:20:00Z',
    [['+0s', 3], ['+1000d', 3], ['+9000d', 3], ['+30000d', 3], ['+50000d', 3], ['due', 3], ['due', 2]]],
  ['decade-lapse', '2010-02-14T14:00:00Z', [['+0s', 3], ['due', 3], ['+3650d', 1], ['+0s', 3], ['due', 3]]],
  // Late reviews, hours and days past due.
  ['late', '2024-07-07T20:00:00Z',
    [['+0s', 3], ['due+5h', 3], ['due+20h', 3], ['due+3d', 3], ['due+40d', 2], ['due+1h', 4], ['due+10d', 3]]],
];

/** Random cards, drawn once and shared by every mode. */
function randomScenarios(count) {
  const random = seededRandom(20240607);
  const pick = (weights) => {
    let x = random() * weights.reduce((a, [w]) => a + w, 0);
    for (const [w, value] of weights) {
      if ((x -= w) < 0) return typeof value === 'function' ? value() : value;
    }
    return weights[weights.length - 1][1];
  };
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const scenarios = [];
  for (let i = 0; i < count; ++i) {
    const start = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 365 * DAY / SEC) * SEC);
    const steps = [['+0s', int(1, 4)]];
    const length = int(7, 12);
    while (steps.length < length) {
      const when = pick([
        [45, 'due'],
        [12, () => `due+${int(1, 72)}h`],
        [8, () => `due+${int(1, 60)}d`],
        [8, 'half'],
        [10, () => `+${int(1, 300)}m`],
        [4, () => `+${int(365, 3650)}d`],
        [5, () => `due-${int(1, 12)}h`],
      ]);
      const rating = pick([[15, 1], [15, 2], [50, 3], [20, 4]]);
      steps.push([when, rating]);
    }
    scenarios.push([`random-${String(i + 1).padStart(2, '0')}`, iso(start), steps]);
  }
  return scenarios;
}

function reviewTime(spec, last, due) {
  if (last === null) return new Date(due);
  let t;
  if (spec === 'due') {
    t = due.getTime();
  } else if (spec === 'half') {
    t = last.getTime() + Math.round((due.getTime() - last.getTime()) / 2 / SEC) * SEC;
  } else {
    const m = /^(due)?([+-])(\d+)([smhd])$/.exec(spec);
    if (!m) throw new Error(`bad time spec ${spec}`);
    const base = m[1] ? due.getTime() : last.getTime();
    t = base + (m[2] === '-' ? -1 : 1) * Number(m[3]) * UNIT[m[4]];
  }
  return new Date(Math.max(t, last.getTime()));
}

function cardJson(card) {
  return {
    state: State[card.state],
    due: iso(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    reps: card.reps,
    lapses: card.lapses,
    learning_steps: card.learning_steps,
  };
}

function vectors(scheduler, scenarios) {
  const out = [];
  for (const [cardId, start, steps] of scenarios) {
    let card = createEmptyCard(new Date(start));
    let last = null;
    for (const [spec, rating] of steps) {
      const now = reviewTime(spec, last, card.due);
      const retrievability = scheduler.get_retrievability(card, now, false);
      card = scheduler.next(card, now, rating).card;
      last = now;
      out.push({ card_id: cardId, review_time: iso(now), rating, retrievability_before: retrievability,
        expected: cardJson(card) });
    }
  }
  return out;
}

/** One vector per line, so a change in ts-fsrs shows as a readable diff. */
function writeVectors(file, params, scenarios) {
  const scheduler = fsrs(params);
  const p = scheduler.parameters;
  const header = {
    generator: 'tests/data/fsrs/generate.mjs',
    ts_fsrs: tsFsrsVersion,
    parameters: {
      w: params.w ?? generatorParameters().w,
      desired_retention: p.request_retention,
      maximum_interval: p.maximum_interval,
      learning_steps: [...p.learning_steps],
      relearning_steps: [...p.relearning_steps],
      enable_short_term: p.enable_short_term,
      enable_fuzz: p.enable_fuzz,
    },
  };
  const list = vectors(scheduler, scenarios);
  const head = JSON.stringify(header, null, 2)
    .replace(/"w": \[[^\]]*\]/, `"w": ${JSON.stringify(header.parameters.w)}`)
    .replace(/\n}$/, '');
  const body = list.map((v) => '    ' + JSON.stringify(v)).join(',\n');
  writeFileSync(join(here, file), `${head},\n  "vectors": [\n${body}\n  ]\n}\n`);
  console.log(`${file}: ${list.length} reviews of ${scenarios.length} cards`);
}

const scenarios = [...handmade, ...randomScenarios(24)];
const customW = [...generatorParameters().w];
customW[0] = 0.4;    // a longer first Again
customW[17] = 0.9;   // above the ceiling that two relearning steps impose: ts-fsrs clips it
customW[18] = 0.7;
customW[19] = 0.005; // below the short-term floor of 0.01: clipped in short-term mode only
const custom = {
  w: customW,
  request_retention: 0.8,
  maximum_interval: 180,
  learning_steps: ['2m', '15m', '1h', '1d'],
  relearning_steps: ['5m', '30m'],
};

writeVectors('vectors-short-term.json', { enable_fuzz: false }, scenarios);
writeVectors('vectors-long-term.json', { enable_fuzz: false, enable_short_term: false }, scenarios);
writeVectors('vectors-custom-short-term.json', { ...custom, enable_fuzz: false }, scenarios);
writeVectors('vectors-custom-long-term.json', { ...custom, enable_fuzz: false, enable_short_term: false }, scenarios);

// ---------------------------------------------------------------------------------------------
// The fixture of `k8s-flashcards replay`: cards interleaved and out of order, equal timestamps
// (kept in input order), a card reviewed twice at one instant, an offset and milliseconds in the
// input, and card ids that need escaping in JSON.

const replayEvents = [
  { card_id: 'etcd-quorum', timestamp: '2024-03-01T09:00:00Z', rating: 3 },
  { card_id: 'kubelet "node" agent', timestamp: '2024-03-01T09:00:00Z', rating: 1 },
  { card_id: 'etcd-quorum', timestamp: '2024-03-01T09:10:00Z', rating: 3 },
  { card_id: 'kubelet "node" agent', timestamp: '2024-03-01T09:01:00Z', rating: 3 },
  { card_id: 'scheduler-ü', timestamp: '2024-03-01T11:00:00+02:00', rating: 4 },
  { card_id: 'kubelet "node" agent', timestamp: '2024-03-01T09:11:00Z', rating: 3 },
  { card_id: 'etcd-quorum', timestamp: '2024-03-02T09:30:00Z', rating: 3 },
  { card_id: 'etcd-quorum', timestamp: '2024-03-05T08:00:00Z', rating: 1 },
  { card_id: 'api-server', timestamp: '2024-03-05T08:00:00Z', rating: 2 },
  { card_id: 'etcd-quorum', timestamp: '2024-03-05T08:10:00Z', rating: 2 },
  { card_id: 'api-server', timestamp: '2024-03-05T08:06:00Z', rating: 2 },
  { card_id: 'etcd-quorum', timestamp: '2024-03-05T08:25:00Z', rating: 3 },
  { card_id: 'api-server', timestamp: '2024-03-05T08:12:00Z', rating: 3 },
  { card_id: 'api-server', timestamp: '2024-03-05T08:12:00Z', rating: 1 },
  { card_id: 'api-server', timestamp: '2024-03-05T08:13:00.500Z', rating: 3 },
  { card_id: 'api-server', timestamp: '2024-03-05T08:23:00Z', rating: 3 },
  { card_id: 'scheduler-ü', timestamp: '2024-03-09T09:00:00Z', rating: 3 },
  { card_id: 'kubelet "node" agent', timestamp: '2024-03-20T18:00:00Z', rating: 3 },
  { card_id: 'scheduler-ü', timestamp: '2024-04-01T09:00:00Z', rating: 1 },
  { card_id: 'scheduler-ü', timestamp: '2024-04-01T09:10:00Z', rating: 3 },
  { card_id: 'etcd-quorum', timestamp: '2024-04-15T07:00:00Z', rating: 4 },
  { card_id: 'api-server', timestamp: '2024-04-15T07:00:00Z', rating: 3 },
  { card_id: 'kubelet "node" agent', timestamp: '2026-03-20T18:00:00Z', rating: 2 },
  { card_id: 'cni', timestamp: '2024-03-01T08:59:59Z', rating: 2 },
  { card_id: 'cni', timestamp: '2024-03-01T23:59:00Z', rating: 3 },
  { card_id: 'cni', timestamp: '2024-03-02T00:01:00Z', rating: 3 },
  { card_id: 'cni', timestamp: '2024-03-04T00:00:00Z', rating: 3 },
  { card_id: 'etcd-quorum', timestamp: '2030-01-01T00:00:00Z', rating: 3 },
];

function replay(params) {
  const scheduler = fsrs({ ...params, enable_fuzz: false });
  const order = replayEvents.map((e, index) => ({ ...e, index, time: new Date(e.timestamp) }));
  order.sort((a, b) => a.time - b.time || a.index - b.index);
  const cards = new Map();
  const lines = [];
  for (const e of order) {
    const card = scheduler.next(cards.get(e.card_id) ?? createEmptyCard(e.time), e.time, e.rating).card;
    cards.set(e.card_id, card);
    lines.push(JSON.stringify({
      card_id: e.card_id, review_time: iso(e.time), rating: e.rating, state: State[card.state],
      stability: card.stability, difficulty: card.difficulty, scheduled_days: card.scheduled_days,
      due: iso(card.due), reps: card.reps, lapses: card.lapses,
    }));
  }
  return lines.join('\n') + '\n';
}

const replayDir = join(here, '../replay');
writeFileSync(join(replayDir, 'events.json'),
  '[\n' + replayEvents.map((e) => '  ' + JSON.stringify(e)).join(',\n') + '\n]\n');
writeFileSync(join(replayDir, 'expected-short-term.jsonl'), replay({}));
writeFileSync(join(replayDir, 'expected-long-term.jsonl'), replay({ enable_short_term: false }));
console.log(`../replay: ${replayEvents.length} events`);
