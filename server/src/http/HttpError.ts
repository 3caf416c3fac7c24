/** An error with the HTTP status and the message a client should see. */
export class HttpError extends Error {
    constructor(
        readonly status: number,
        message: string,
        readonly errors?: Record<string, string>,
        readonly headers?: Record<string, string>
    ) {
        super(message);
    }
}

export const badRequest = (message: string, errors?: Record<string, string>) =>
    new HttpError(400, message, errors);
export const unauthorized = (message = 'Sign in first') => new HttpError(401, message);
export const forbidden = (message: string) => new HttpError(403, message);
export const notFound = (message: string) => new HttpError(404, message);
export const conflict = (message: string) => new HttpError(409, message);
export const unprocessable = (message: string, errors?: Record<string, string>) =>
    new HttpError(422, message, errors);
