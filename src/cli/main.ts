import { Command, CommanderError, Option } from 'commander';
import { DEFAULT_MODEL } from '../models/load-model.ts';
import { CliError, EXIT } from './cli-error.ts';
import { listModels } from './list-models.ts';
import type { OutputFormat } from './print-score-report.ts';
import { processIo, type Io } from './process-io.ts';
import { scoreCommand, type ScoreOptions } from './score-command.ts';
import { showModel } from './show-model.ts';
import { runCommand, type RunOptions } from './run-command.ts';
import { sandboxReset } from './sandbox-reset.ts';
import { sandboxChangeCommand } from './sandbox-change-command.ts';
import { sandboxAssociateCommand, type LinkAction } from './sandbox-associate-command.ts';
import { setupCommand } from './setup-command.ts';
import { BACKTEST_HELP, backtestCommand, type BacktestCliOptions } from './backtest-command.ts';
import { MODELS_DIFF_HELP, modelsDiffCommand } from './models-diff-command.ts';
import {
  MODELS_SUGGEST_HELP,
  modelsSuggestCommand,
  type SuggestOptions,
} from './models-suggest-command.ts';
import { demoCommand } from './demo-command.ts';
import { doctorCommand } from './doctor-command.ts';
import { playsExplainCommand } from './plays-explain-command.ts';
import { briefCommand } from './brief-command.ts';
import { playsListCommand } from './plays-list-command.ts';
import { serveCommand } from './serve-command.ts';
import { inboxCommand, inboxRetryCommand } from './inbox-command.ts';
import { APP_CONFIGURE_HELP, appConfigureCommand } from './app-configure-command.ts';
import { STORE_REBUILD_HELP, storeRebuildCommand } from './store-rebuild-command.ts';
import { MIGRATE_HELP, migrateCommand } from './migrate-command.ts';
import { REPORT_HELP, reportCommand } from './report-command.ts';
import type { ReportOptions } from './report-options.ts';

const SCORE_HELP = `
Exit status: 0 when every account was scored, 1 when some were rejected (the rest are
still scored and printed), 2 when the file or the model cannot be used.

Example:
  vitals score --input accounts.json --format json`;

const PLAYS_LIST_HELP = `
Needs only the config: no portal is contacted. Switch a rule off by adding its id to
plays.disabledRules in vitals.config.yaml.`;

const PLAYS_EXPLAIN_HELP = `
Reads the company and its contacts from the portal (the sandbox when no token is set), scores
it and evaluates every rule as a run would now, against the stored history. Writes nothing:
no tasks, no enrolments, no ledger entries.

Exit status: 0 when explained, 2 when the id is not a company id or no company has it.

Example:
  vitals plays explain 31000000001`;

const BRIEF_HELP = `
The QBR prep brief of one company: health and its 90-day trend, what moved and why, goals and
ROI, open plays, renewal and forecast, expansion signals, risks, stakeholders and three agenda
items. Runs write the same brief as a note on the company two weeks before each QBR (a meeting
with "QBR" in its title, or plays.lifecycle.qbrDateProperty). Reads the portal and the store;
writes nothing.

Exit status: 0 when written, 2 when the id is not a company id or no company has it.

Example:
  vitals brief 31000000001 --format markdown`;

const START_HELP = `
After its first run it also serves the card API (as \`vitals serve\` does) when
HUBSPOT_CLIENT_SECRET and VITALS_PUBLIC_URL are set; otherwise it says the API is off.`;

const SERVE_HELP = `
Needs HUBSPOT_CLIENT_SECRET (the app's client secret: every card request is signed with it) and
VITALS_PUBLIC_URL (the https origin HubSpot calls, e.g. https://vitals.example.com); listens on
PORT (default 3000). Put it behind HTTPS. GET /healthz answers without a signature.

Exit status: 0 when stopped with Ctrl+C or SIGTERM, 2 when a setting is missing or wrong or the
port cannot be used.`;

const SANDBOX_CHANGE_HELP = `
Takes a company id (31…) or a contact id (52…). Writes the values into the sandbox portal as a
CSM editing the record in HubSpot would (change source CRM_UI), so the sandbox sends the
subscribed webhook events. They go out only while a sandbox with webhooks runs (vitals start);
otherwise the values are saved and no event is sent. NAME= (nothing after =) clears a value.
A contact's hs_feedback_last_nps_rating is read only in HubSpot: it is written as a feedback
survey answer would write it, with hs_feedback_last_survey_date set to now unless given.

Exit status: 0 when saved, 2 when the id, a property or a value is wrong (nothing is saved).

Examples:
  vitals sandbox change 31000000001 payment_status=failed_unresolved competitor_mentioned_at=2026-11-20
  vitals sandbox change 52000000003 hs_buying_role=BLOCKER hs_feedback_last_nps_rating=3`;

const SANDBOX_ASSOCIATE_HELP = `
Links (associate) or unlinks (dissociate) a contact and a company in the sandbox portal as a CSM
would on the record page, so the sandbox sends the company.associationChange events the app
subscribes to; the company is rescored without the contact, or with it. Give the two ids in
either order. A contact that has no primary company gets this one as its primary company.

Exit status: 0 when done (or already so), 2 when an id is wrong or both are of one kind.

Examples:
  vitals sandbox dissociate 31000000001 52000000003
  vitals sandbox associate 31000000001 52000000003`;

// Commander lists only top-level commands; admins should see `models show` without digging.
const EVERY_COMMAND = `
Every command:
  vitals score --input FILE [--model NAME|PATH] [--format table|json]
  vitals models [--format table|json]
  vitals models show NAME|PATH [--format table|json]
  vitals run [--once] [--dry-run] [--json]
  vitals setup [--dry-run]
  vitals doctor
  vitals app configure --public-url URL
  vitals plays list [--json]
  vitals plays explain COMPANY_ID [--json]
  vitals brief COMPANY_ID [--format markdown|json]
  vitals report portfolio|renewals|churn-risk|expansion|reactivation|retention
                [--format table|json|csv] [--owner ID] [--segment S] [--from DATE --to DATE]
  vitals inbox [--json]
  vitals inbox retry EVENT_ID|--dead
  vitals store rebuild
  vitals sandbox reset
  vitals sandbox change COMPANY_ID|CONTACT_ID PROPERTY=VALUE...
  vitals sandbox associate|dissociate COMPANY_ID CONTACT_ID
  vitals start
  vitals serve
  vitals demo

Run "vitals COMMAND --help" for the details of one.`;

/** Runs the CLI on `argv` (as in process.argv) and returns the exit status. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let status: number = EXIT.ok;
  const program = buildProgram(io, (code) => (status = code));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`${error.message}\n`);
      return error.exitCode;
    }
    // Commander has already printed its message; a usage mistake is as fatal as a bad file.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.unusable;
    throw error;
  }
  return status;
}

function buildProgram(io: Io, exit: (code: number) => void): Command {
  const program = new Command('vitals')
    .description('Customer health scores for HubSpot companies, with the reasons behind each one.')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showSuggestionAfterError()
    .addHelpText('after', EVERY_COMMAND);
  const format = () =>
    new Option('-f, --format <format>', 'output format').choices(['table', 'json']);

  program
    .command('score')
    .description('Score accounts from a JSON file and explain each score')
    .requiredOption('-i, --input <file>', 'JSON file with an "accounts" list')
    .option('-m, --model <name-or-path>', 'preset name or model file', DEFAULT_MODEL)
    .addOption(format().default('table'))
    .addHelpText('after', SCORE_HELP)
    .action((options: ScoreOptions) => exit(scoreCommand(options, io)));

  const models = program
    .command('models')
    .description('List the scoring models (models show NAME for one in full)')
    .addOption(format().default('table'))
    .action((options: { format: OutputFormat }) => exit(listModels(options.format, io)));
  models
    .command('show')
    .description('Show one model in full: signals, points, tiers and modifiers')
    .argument('<name-or-path>', 'preset name or model file')
    .addOption(format())
    .action((name: string, options: { format?: OutputFormat }) =>
      exit(showModel(name, options.format ?? (models.opts().format as OutputFormat), io)),
    );

  models
    .command('diff')
    .description('What differs between two models, and how many accounts would change tier')
    .argument('<a>', 'the model now (preset name or file)')
    .argument('<b>', 'the model to compare (preset name or file)')
    .addHelpText('after', MODELS_DIFF_HELP)
    .action(async (a: string, b: string) => exit(await modelsDiffCommand(a, b, io)));
  models
    .command('suggest')
    .description(
      'Dimension weights fitted to the churn history, as a candidate model (never applied)',
    )
    .option('--from-backtest', 'fit to the history the backtest replays')
    .option('--horizon <days>', 'how far ahead churn counts, e.g. 90d (default)')
    .option('-o, --out <file>', 'write the candidate model file here')
    .addHelpText('after', MODELS_SUGGEST_HELP)
    .action(async (options: SuggestOptions) => exit(await modelsSuggestCommand(options, io)));

  program
    .command('run')
    .description('Rescore every company and write the health properties back to HubSpot')
    .option('--once', 'run one full pass and exit, instead of staying on the schedule')
    .option('--dry-run', 'read and score, but write nothing to HubSpot')
    .option('--json', 'print the run summary as JSON on stdout (progress goes to stderr)')
    .action(async (options: RunOptions) => exit(await runCommand(options, io)));

  program
    .command('setup')
    .description('Create the "Customer health" properties and check the mapping and the token')
    .option('--dry-run', 'say what would be created, and create nothing')
    .action(async (options: { dryRun?: boolean }) => exit(await setupCommand(options, io)));

  program
    .command('doctor')
    .description('Check token, scopes, properties, mapping, database and config, with fixes')
    .action(async () => exit(await doctorCommand(io)));

  const plays = program
    .command('plays')
    .description('The plays: list the rules, or explain what they make of one company');
  plays
    .command('list')
    .description('Every rule in words: when it fires, for whom, what it does, and if it is off')
    .option('--json', 'print the rules as JSON')
    .addHelpText('after', PLAYS_LIST_HELP)
    .action((options: { json?: boolean }) => exit(playsListCommand(options, io)));
  plays
    .command('explain')
    .description('Which rules fire for one company now and why, and what they would do')
    .argument('<company-id>', "the company's HubSpot id (digits)")
    .option('--json', 'print the explanation as JSON on stdout')
    .addHelpText('after', PLAYS_EXPLAIN_HELP)
    .action(async (companyId: string, options: { json?: boolean }) =>
      exit(await playsExplainCommand(companyId, options, io)),
    );

  program
    .command('brief')
    .description('The QBR prep brief of one company, as runs write it on the timeline')
    .argument('<company-id>', "the company's HubSpot id (digits)")
    .option('--format <format>', 'markdown (default) or json')
    .addHelpText('after', BRIEF_HELP)
    .action(async (companyId: string, options: { format?: string }) =>
      exit(await briefCommand(companyId, options, io)),
    );

  program
    .command('app')
    .description('The HubSpot project (extensions/): its public URL and webhook subscriptions')
    .command('configure')
    .description('Point the HubSpot project at the service and write its webhook subscriptions')
    .requiredOption('--public-url <url>', "the service's public https origin (VITALS_PUBLIC_URL)")
    .addHelpText('after', APP_CONFIGURE_HELP)
    .action((options: { publicUrl: string }) => exit(appConfigureCommand(options, io)));

  program
    .command('report')
    .description(
      "The CS leader's reports on the whole book, from what runs saved (no HubSpot call)",
    )
    .argument('<name>', 'portfolio, renewals, churn-risk, expansion, reactivation or retention')
    .option('-f, --format <format>', 'table (default), json or csv')
    .option('--owner <id>', "only the accounts of this HubSpot owner (the owner's id)")
    .option('--segment <segment>', 'only this segment: enterprise, mid_market, smb or trial')
    .option('--from <date>', 'retention: the first day of the period (YYYY-MM-DD)')
    .option('--to <date>', 'retention: the last day of the period (YYYY-MM-DD)')
    .option('--table <name>', "csv: which of the report's tables (default its main one)")
    .addHelpText('after', REPORT_HELP)
    .action(async (name: string, options: ReportOptions) =>
      exit(await reportCommand(name, options, io)),
    );

  program
    .command('backtest')
    .description('How well each model would have warned of churn, replayed from the stored history')
    .option(
      '-m, --model <name-or-path...>',
      'a preset or model file to compare with the current one',
    )
    .option('--horizon <days>', 'how far ahead a warning counts, e.g. 90d (default)')
    .option('--from <month>', 'the first month to replay (YYYY-MM, or a date in it)')
    .option('--to <month>', 'the last month to replay (YYYY-MM, or a date in it)')
    .option('--with-contraction', 'count a drop in MRR within the horizon as a loss too')
    .option(
      '--rebuild-history [months]',
      "first rebuild past months from HubSpot's property history (default 24)",
    )
    .option('-f, --format <format>', 'table (default), json or html')
    .option('-o, --out <file>', 'write to this file instead of the terminal')
    .addHelpText('after', BACKTEST_HELP)
    .action(async (options: BacktestCliOptions) => exit(await backtestCommand(options, io)));

  const inbox = program
    .command('inbox')
    .description('What the webhook inbox holds: counts by state, then the latest events')
    .option('--json', 'print {"counts", "events"} as JSON on stdout')
    .action(async (options: { json?: boolean }) => exit(await inboxCommand(options, io)));
  inbox
    .command('retry')
    .description(
      'Put a failed or dead webhook event (or, with --dead, every dead one) back in line',
    )
    .argument('[event-id]', 'the event id, as `vitals inbox` shows it')
    .option('--dead', 'retry every dead event')
    .action(async (eventId: string | undefined, options: { dead?: boolean }) =>
      exit(await inboxRetryCommand(eventId, options, io)),
    );

  program
    .command('migrate')
    .description("Bring the store's schema up to date and show which store it is")
    .addHelpText('after', MIGRATE_HELP)
    .action(async () => exit(await migrateCommand(io)));

  program
    .command('store')
    .description("Vitals' own records of the portal (rebuild after the store was lost)")
    .command('rebuild')
    .description('Take the open tasks Vitals made in the portal back into a new or lost store')
    .addHelpText('after', STORE_REBUILD_HELP)
    .action(async () => exit(await storeRebuildCommand(io)));

  const sandbox = program
    .command('sandbox')
    .description(
      'Manage the sandbox demo portal (reset starts it over; change, associate and dissociate play a CSM)',
    );
  sandbox
    .command('reset')
    .description('Delete the sandbox portal so the next start seeds it afresh')
    .action(() => exit(sandboxReset(io)));
  sandbox
    .command('change')
    .description(
      'Edit a sandbox company or contact as a CSM would in HubSpot, so webhooks are sent',
    )
    .argument('<record-id>', "the company's or the contact's id in the sandbox portal (digits)")
    .argument('<property=value...>', 'the values to set; name= clears one')
    .addHelpText('after', SANDBOX_CHANGE_HELP)
    .action((recordId: string, assignments: string[]) =>
      exit(sandboxChangeCommand(recordId, assignments, io)),
    );
  for (const [action, description] of [
    ['associate', 'Associate a contact with a company as a CSM would in HubSpot'],
    ['dissociate', 'Remove the association of a contact and a company as a CSM would in HubSpot'],
  ] as [LinkAction, string][]) {
    sandbox
      .command(action)
      .description(`${description}, so webhooks are sent`)
      .argument('<company-id>', "the company's id in the sandbox portal (digits)")
      .argument('<contact-id>', "the contact's id in the sandbox portal (digits)")
      .addHelpText('after', SANDBOX_ASSOCIATE_HELP)
      .action((companyId: string, contactId: string) =>
        exit(sandboxAssociateCommand(action, [companyId, contactId], io)),
      );
  }

  program
    .command('start')
    .description(
      'Run the main job now and then on its schedule (the sandbox portal when no token is set)',
    )
    .addHelpText('after', START_HELP)
    .action(async () => exit(await runCommand({ once: false, serve: true }, io)));

  program
    .command('serve')
    .description('Serve the card API (what the HubSpot cards call) until stopped')
    .addHelpText('after', SERVE_HELP)
    .action(async () => exit(await serveCommand(io)));

  program
    .command('demo')
    .description('Score the bundled demo accounts file, to see the scoring on its own')
    .action(() => exit(demoCommand(io)));
  return program;
}
