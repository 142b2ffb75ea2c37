import { Alert } from '../components/Alert.tsx';

/** Said where money or proofs would show when the server settles on no chain. */
export function ChainOffNotice({ message }: { message: string }) {
  return (
    <Alert tone="info" title="No chain on this server">
      {message.charAt(0).toUpperCase() + message.slice(1)}. Start the server with a chain to fund projects,
      settle rewards and anchor proofs.
    </Alert>
  );
}
