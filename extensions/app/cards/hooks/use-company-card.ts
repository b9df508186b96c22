import { useCallback, useEffect, useRef, useState } from 'react';
import { CARD_PATHS, companyCardSchema } from '../card-contract.ts';
import { actionError } from '../service/action-error.ts';
import { callService } from '../service/call-service.ts';
import { type CardLoad, readCardAnswer } from '../service/read-card-answer.ts';

/** How a button's request went: the message says what failed. */
export type ActionResult = { ok: true } | { ok: false; message: string };

export interface CompanyCardApi {
  load: CardLoad;
  rescore: () => Promise<ActionResult>;
  createTask: (playId: string) => Promise<ActionResult>;
  dismiss: (playId: string, reason: string) => Promise<ActionResult>;
}

/**
 * The company's card from the service, and the buttons' requests. Both cards use it. A POST
 * that answers with the updated card shows it; any other success reloads the card.
 */
export function useCompanyCard(companyId: string): CompanyCardApi {
  const [load, setLoad] = useState<CardLoad>({ status: 'loading' });
  // Only the newest request may set the state: an older answer arriving late is dropped.
  const latest = useRef(0);

  const show = useCallback((next: CardLoad) => {
    latest.current += 1;
    setLoad(next);
  }, []);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    const next = readCardAnswer(await callService(CARD_PATHS.company(companyId)));
    if (ticket === latest.current) setLoad(next);
  }, [companyId]);

  useEffect(() => {
    setLoad({ status: 'loading' });
    void reload();
    return () => {
      latest.current += 1;
    };
  }, [reload]);

  const post = useCallback(
    async (path: string, body?: Record<string, unknown>): Promise<ActionResult> => {
      const answer = await callService(path, 'POST', body);
      const message = actionError(answer);
      if (message !== null) return { ok: false, message };
      const card = companyCardSchema.safeParse(answer.reached ? answer.body : null);
      if (card.success) show({ status: 'ready', card: card.data });
      else await reload();
      return { ok: true };
    },
    [reload, show],
  );

  return {
    load,
    rescore: () => post(CARD_PATHS.rescore(companyId)),
    createTask: (playId) => post(CARD_PATHS.createTask(companyId, playId)),
    dismiss: (playId, reason) => post(CARD_PATHS.dismiss(companyId, playId), { reason }),
  };
}
