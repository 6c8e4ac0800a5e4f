/** A TCP port on `host` that nothing listens on right now (the OS picks it, then it is freed). */
import net from 'node:net';

export async function freePort(host = '127.0.0.1'): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, host, () => resolve());
	});
	const port = (server.address() as net.AddressInfo).port;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}
