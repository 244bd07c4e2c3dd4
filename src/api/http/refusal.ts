/** An expected 4xx answer, returned by a handler as a value (bugs throw; refusals do not). */
export class Refusal {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}
}

export const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export const notFound = (what: string) => new Refusal(404, 'NOT_FOUND', `${what} not found`);
