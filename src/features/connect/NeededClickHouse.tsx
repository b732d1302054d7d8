import { useEffect, useState } from 'react';
import { restoreClickHouseFromLink } from '../../data/clickhouse/clickHouseLink';
import { decodeViewState, writeViewState } from '../../views';
import { useT, type ShownText } from '../../i18n';
import { messages } from './messages';

/**
 * A link to a view over a ClickHouse table (`need=ch.…`): the table is listed in this browser when this server offers
 * the link's connection, and the link's view (`view`, the query string the page opened with) is shown on it. When
 * the server does not offer it, an alert says so and what to do; the view stays on the bundled data meanwhile.
 */
export function NeededClickHouse({ param, view }: { param: string; view: string }) {
  const tr = useT();
  const [state, setState] = useState<{ kind: 'checking' } | { kind: 'done' } | { kind: 'error'; text: ShownText }>({ kind: 'checking' });
  useEffect(() => {
    let live = true;
    void restoreClickHouseFromLink(param).then((result) => {
      if (!live) return;
      if ('error' in result) {
        setState({ kind: 'error', text: result.error });
        return;
      }
      setState({ kind: 'done' });
      // The view the link opened with, on the dataset as this browser names it (the page may have fallen back meanwhile).
      writeViewState({ ...decodeViewState(view).state, dataset: result.datasetId });
    });
    return () => {
      live = false;
    };
  }, [param, view]);
  if (state.kind === 'done') return null;
  if (state.kind === 'checking') {
    return (
      <p className="visually-hidden" role="status">
        {tr(messages.checking)}
      </p>
    );
  }
  return (
    <p className="notices" role="alert" data-testid="needed-clickhouse-error">
      {tr(state.text)}
    </p>
  );
}
