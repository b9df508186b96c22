import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { explainOpenFailure } from './explain-open-failure.ts';
import { freshPlays } from './fresh-plays.ts';
import { migrateSqlite, schemaVersion } from './migrate-sqlite.ts';
import { openLifecycleTasks } from './open-lifecycle-tasks.ts';
import { sqliteAccountFacts } from './sqlite-account-facts.ts';
import { sqliteActionLedger } from './sqlite-action-ledger.ts';
import { sqliteCompanyMoves } from './sqlite-company-moves.ts';
import { sqliteContactPrivacy } from './sqlite-contact-privacy.ts';
import { sqliteCompanyState } from './sqlite-company-state.ts';
import { sqliteJobRuns } from './sqlite-job-runs.ts';
import { sqliteLease } from './sqlite-lease.ts';
import { sqliteMigrations } from './sqlite-migrations.ts';
import { sqliteNpsAnswers } from './sqlite-nps-answers.ts';
import { sqliteMrrHistory } from './sqlite-mrr-history.ts';
import { sqlitePlayState } from './sqlite-play-state.ts';
import { sqlitePortfolioView } from './sqlite-portfolio-view.ts';
import { sqliteScoreHistory } from './sqlite-score-history.ts';
import { sqliteReportAccounts } from './sqlite-report-accounts.ts';
import { sqliteScoreSeries } from './sqlite-score-series.ts';
import { sqliteSignalSnapshots } from './sqlite-signal-snapshots.ts';
import { sqliteTrackAdoption } from './sqlite-track-adoption.ts';
import { sqliteWebhookInbox } from './sqlite-webhook-inbox.ts';
import { sqliteWeeklyScores } from './sqlite-weekly-scores.ts';
import type { PageCommit, PlaysCommit, Store, StoreHealth } from './store.ts';

export const SQLITE_FILE_NAME = 'vitals.sqlite';

export interface SqliteStoreOptions {
  now?: () => Date;
}

/**
 * Opens (creating it if needed) `<dataDir>/vitals.sqlite` and migrates it. Async although SQLite
 * is not, so callers can swap in a database that must connect first. A store the user must fix
 * (not a database, damaged, read-only, a data folder that is a file) throws StoreError 'unusable'.
 */
export async function openSqliteStore(
  dataDir: string,
  { now = () => new Date() }: SqliteStoreOptions = {},
): Promise<Store> {
  const location = join(dataDir, SQLITE_FILE_NAME);
  let db: Database.Database | undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(location, { timeout: 5000 });
    // WAL lets readers (the card API) go on while a run writes; NORMAL sync keeps every committed
    // page through a process kill, and only risks the last commits on power loss.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrateSqlite(db, sqliteMigrations, location, now);
  } catch (error) {
    db?.close();
    throw explainOpenFailure(error, { dataDir, location }) ?? error;
  }
  return sqliteStore(db, location, now);
}

function sqliteStore(db: Database.Database, location: string, now: () => Date): Store {
  const series = sqliteScoreSeries(db);
  const history = sqliteScoreHistory(db, now, series);
  const states = sqliteCompanyState(db);
  const runs = sqliteJobRuns(db, now);
  const lease = sqliteLease(db, now);
  const ledger = sqliteActionLedger(db, now);
  const plays = sqlitePlayState(db);
  const nps = sqliteNpsAnswers(db);
  const moves = sqliteCompanyMoves(db, series, nps);
  const privacy = sqliteContactPrivacy(db, nps);
  const inbox = sqliteWebhookInbox(db, now);
  const adoption = sqliteTrackAdoption(db, now);
  const facts = sqliteAccountFacts(db);
  const mrr = sqliteMrrHistory(db);
  const snapshots = sqliteSignalSnapshots(db);
  const weeklyScores = sqliteWeeklyScores(db, series);
  const view = sqlitePortfolioView(db);
  const reportAccounts = sqliteReportAccounts(db, weeklyScores);
  const commitPage = db.transaction((page: PageCommit) => {
    if (page.lease) lease.assertHeld(page.lease);
    history.append(page.scores);
    states.put(page.states);
    facts.put(page.facts ?? []);
    mrr.append(page.mrr ?? []);
    nps.append(page.nps ?? []);
    snapshots.put(page.snapshots ?? []);
    runs.saveProgress(page.runId, page.progress);
  });
  const commitPlays = db.transaction((commit: PlaysCommit) => {
    if (commit.lease) lease.assertHeld(commit.lease);
    const ids = commit.active.map((row) => row.companyId);
    const { intents, active } = freshPlays(commit, plays.evaluatedAt(commit.portal, ids));
    const recorded = ledger.record(commit.portal, intents);
    plays.put(commit.portal, active);
    return recorded;
  });

  return {
    appendScores: async (rows) => history.append(rows),
    latestScores: async (portal, ids) => history.latest(portal, ids),
    scoresAtOrBefore: async (portal, ids, at) => history.atOrBefore(portal, ids, at),
    scoreHistory: async (portal, id, days) => history.history(portal, id, days),
    companyStates: async (portal, ids) => states.get(portal, ids),
    putCompanyStates: async (rows) => states.put(rows),
    weeklyScores: async (portal, weeks, until) => weeklyScores.all(portal, weeks, until),
    putAccountFacts: async (rows) => facts.put(rows),
    accountFacts: async (portal) => facts.list(portal),
    npsAnswers: async (portal, until) => nps.latest(portal, until),
    appendMrr: async (rows) => mrr.append(rows),
    latestMrr: async (portal, ids) => mrr.latest(portal, ids),
    mrrHistory: async (portal, period) => mrr.history(portal, period),
    reportAccounts: async (portal, read, map) => reportAccounts(portal, read, map),
    putSignalSnapshots: async (rows) => snapshots.put(rows),
    signalSnapshots: (portal, range) => snapshots.pages(portal, range),
    snapshotMonths: async (portal) => snapshots.span(portal),
    putPortfolioView: async (portal, value, at) => view.put(portal, value, at),
    portfolioView: async (portal) => view.get(portal),
    startRun: async (run) => runs.start(run),
    // The write lock is taken at BEGIN, so a busy file means waiting, never a failed lock upgrade.
    commitPage: async (page) => commitPage.immediate(page),
    finishRun: async (id, outcome) => runs.finish(id, outcome),
    findResumableRun: async (filter) => runs.findResumable(filter),
    resumeRun: async (id) => runs.resume(id),
    listRuns: async (filter) => runs.list(filter),
    // Ledger writes read the row first, so they too take the write lock at BEGIN.
    recordIntents: async (portal, actions) => ledger.record.immediate(portal, actions),
    commitPlays: async (commit) => commitPlays.immediate(commit),
    completeAction: async (portal, key, id) => ledger.settle.immediate(portal, key, 'done', id),
    skipAction: async (portal, key, why) => ledger.settle.immediate(portal, key, 'skipped', why),
    failAction: async (portal, key, error) => ledger.settle.immediate(portal, key, 'failed', error),
    holdAction: async (portal, key, why) => ledger.settle.immediate(portal, key, 'held', why),
    markUncertain: async (portal, key, why) => ledger.markUncertain.immediate(portal, key, why),
    unfinishedActions: async (portal) => ledger.unfinished(portal),
    heldActions: async (portal) => ledger.withStatus(portal, 'held'),
    tasksCreatedForOwnerSince: async (portal, ownerId, since) =>
      ledger.tasksDoneSince(portal, ownerId, since),
    tasksCreatedSince: async (portal, since) => ledger.portalTasksDoneSince(portal, since),
    ledgerForCompany: async (portal, companyId) => ledger.forCompany(portal, companyId),
    ledgerHas: async (portal, keys) => ledger.has(portal, keys),
    openLifecycleTasks: async (portal, companyIds, ruleIds) =>
      openLifecycleTasks(ledger.ofRules(portal, companyIds, ruleIds)),
    ledgerByCompany: async (portal) => ledger.byCompany(portal),
    activeRules: async (portal, ids) => plays.get(portal, ids),
    playsEvaluatedAt: async (portal, ids) => plays.evaluatedAt(portal, ids),
    putActiveRules: async (portal, rows) => plays.put(portal, rows),
    openTracks: async (portal, ids) => plays.tracks(portal, ids),
    signalReadings: async (portal, ids) => plays.readings(portal, ids),
    playsBaselineAt: async (portal, scope) => plays.baselineAt(portal, scope),
    markPlaysBaseline: async (portal, at, scope) => plays.markBaseline(portal, at, scope),
    reviseHeldAction: async (portal, key, action) => ledger.revise.immediate(portal, key, action),
    adoptTracks: async (portal, adoptions, at) => adoption.adopt.immediate(portal, adoptions, at),
    playsAdoptedAt: async (portal) => adoption.adoptedAt(portal),
    // Committed before it resolves: an event the receiver acknowledged survives a process kill.
    receiveEvents: async (portal, events) => inbox.receive.immediate(portal, events),
    pendingEvents: async (portal, at, limit, claim) =>
      claim ? inbox.claim.immediate(portal, at, limit, claim) : inbox.pending(portal, at, limit),
    settleEvents: async (portal, ids, state) => inbox.settle.immediate(portal, ids, state),
    failEvents: async (portal, ids, error, next) => inbox.fail.immediate(portal, ids, error, next),
    inboxCounts: async (portal) => inbox.counts(portal),
    inboxClaimHolders: async (portal, at) => inbox.claimHolders(portal, at),
    releaseInboxClaims: async (portal, holder) => inbox.releaseClaims.immediate(portal, holder),
    listInbox: async (portal, filter) => inbox.list(portal, filter),
    retryEvents: async (portal, which) => inbox.retry.immediate(portal, which),
    acquireLease: async (name, holder, ttlMs) => lease.acquire(name, holder, ttlMs),
    renewLease: async (name, holder, ttlMs) => lease.renew(name, holder, ttlMs),
    releaseLease: async (name, holder) => lease.release(name, holder),
    leaseHolder: async (name) => lease.holder(name),
    mergeCompanies: async (portal, ids, into) => moves.merge.immediate(portal, ids, into),
    forgetCompany: async (portal, id, at) => moves.forget.immediate(portal, id, at),
    forgetContact: async (portal, id) => privacy.immediate(portal, id),
    rateBudget: () => null,
    health: async () => health(db, location),
    close: async () => {
      db.close();
    },
  };
}

function health(db: Database.Database, location: string): StoreHealth {
  try {
    const version = String(db.prepare('SELECT sqlite_version()').pluck().get());
    return { ok: true, backend: 'sqlite', version, location, schemaVersion: schemaVersion(db) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, backend: 'sqlite', location, error: message };
  }
}
