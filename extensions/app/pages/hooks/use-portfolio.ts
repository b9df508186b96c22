import { useCallback, useEffect, useRef, useState } from 'react';
import { PORTFOLIO_PATH } from '../home-page-contract.ts';
import { getFromService } from '../service/call-service.ts';
import { type PortfolioLoad, readPortfolioAnswer } from '../service/read-portfolio-answer.ts';

/** The portfolio view from the service, and a way to ask again. */
export function usePortfolio(): { load: PortfolioLoad; reload: () => void } {
  const [load, setLoad] = useState<PortfolioLoad>({ status: 'loading' });
  // Only the newest request may set the state: an older answer arriving late is dropped.
  const latest = useRef(0);

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    setLoad({ status: 'loading' });
    void getFromService(PORTFOLIO_PATH).then((answer) => {
      if (ticket === latest.current) setLoad(readPortfolioAnswer(answer));
    });
  }, []);

  useEffect(() => {
    reload();
    return () => {
      latest.current += 1;
    };
  }, [reload]);

  return { load, reload };
}
