/**
 * What the stream uses of a `ws` WebSocket. (The project has no @types/ws; @fastify/websocket
 * hands the socket over typed from it, so it is narrowed to this.)
 */
export interface StreamSocket {
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code: number, reason: string): void;
  on(event: 'close', listener: () => void): void;
  on(event: 'message', listener: (data: Buffer) => void): void;
  terminate(): void;
}
