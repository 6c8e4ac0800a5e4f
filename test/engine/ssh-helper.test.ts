/** test/support/sshd.ts itself: a real sshd, the alias in the throwaway user's config, the log of logins. */
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSshd, type Sshd} from '../support/sshd.js';

const exec = promisify(execFile);
let sshd: Sshd;
beforeAll(async () => {
	sshd = await startSshd({env: {DNET_MARK: 'from-sshd'}});
}, 30_000);
afterAll(async () => {
	await sshd?.stop();
});

describe('startSshd', () => {
	it('logs in through the alias with the key it made, as the throwaway user, with SetEnv', async () => {
		const before = sshd.logins();
		const r = await sshd.run(['ssh', '-o', 'BatchMode=yes', '-T', sshd.alias, 'echo "$USER $DNET_MARK"']);
		expect(r.stderr).toBe('');
		expect(r.stdout.trim()).toBe(`${sshd.user} from-sshd`);
		expect(sshd.logins()).toBe(before + 1);
	});

	it('wrapSsh gives an ssh that runs as the user', async () => {
		const {stdout} = await exec(`${sshd.wrapSsh()}/ssh`, ['-o', 'BatchMode=yes', '-T', sshd.alias, 'id -un']);
		expect(stdout.trim()).toBe(sshd.user);
	});
});
