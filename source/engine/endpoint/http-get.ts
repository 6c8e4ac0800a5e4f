/**
 * One `GET` read without dockerode (the start-up reads: engine/quick.ts, over ssh too:
 * endpoint/ssh-agent.ts): the headers and body of a 200; undefined for another answer, a timeout or
 * a failed read (the full engine then asks again and words what went wrong).
 */
import {request, type IncomingHttpHeaders, type RequestOptions} from 'node:http';

export interface Answer {
	headers: IncomingHttpHeaders;
	body: Buffer;
}

/** `throws`: the request errors that are thrown as they are instead (ssh's own failure). */
export function getAnswer(options: RequestOptions, throws: (error: Error) => boolean = () => false): Promise<Answer | undefined> {
	return new Promise((resolve, reject) => {
		const req = request({...options, method: 'GET', headers: {Host: 'docker'}}, (res) => {
			if (res.statusCode !== 200) {
				res.resume();
				resolve(undefined);
				return;
			}
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('error', () => resolve(undefined));
			res.on('end', () => resolve({headers: res.headers, body: Buffer.concat(chunks)}));
		});
		req.on('timeout', () => req.destroy());
		req.on('error', (error) => (throws(error) ? reject(error) : resolve(undefined)));
		req.end();
	});
}
