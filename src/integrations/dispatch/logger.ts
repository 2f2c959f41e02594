// The little the dispatcher needs from a logger (Fastify's pino logger fits).
export interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
