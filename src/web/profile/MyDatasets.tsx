import { Alert } from '../components/Alert.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { formatDate } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { useAsync } from '../lib/useAsync.ts';

const percent = (ppm: number) => `${(ppm / 10_000).toLocaleString(undefined, { maximumFractionDigits: 4 })}%`;

/** The signed-in contributor's co-ownership in published community datasets. */
export function MyDatasets() {
  const mine = useAsync(() => apiClient.myDatasetShares(), []);
  return (
    <section className="card panel" aria-label="My datasets">
      <h2>My datasets</h2>
      {mine.loading && !mine.data ? (
        <Loading />
      ) : mine.error ? (
        <Alert>{mine.error}</Alert>
      ) : !mine.data?.shares.length ? (
        <EmptyState icon="compass" title="No co-owned datasets yet">
          <p>Approved work on community tasks makes you a co-owner once the dataset is published.</p>
        </EmptyState>
      ) : (
        <table className="table" data-testid="my-datasets">
          <thead>
            <tr>
              <th>Dataset</th>
              <th className="num">Share</th>
              <th className="num">Answers counted</th>
              <th>Published</th>
            </tr>
          </thead>
          <tbody>
            {mine.data.shares.map(({ dataset, share }) => (
              <tr key={dataset.id}>
                <td>
                  <Link to={`/datasets/${dataset.id}`}>{dataset.name}</Link>
                </td>
                <td className="num">{percent(share.sharePpm)}</td>
                <td className="num">{share.answersCounted.toLocaleString()}</td>
                <td>{formatDate(dataset.publishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
