// Proves the tmux harness itself works, with plain shell commands (no engine, no dnet).
import {afterAll, describe, expect, it} from 'vitest';
import {AFTER_MARKER, BEFORE_MARKER, killAllTuis, startTui} from '../support/tmux.js';

afterAll(killAllTuis);

describe('tmux harness', () => {
	it('runs a command in a terminal of the requested size and reads the screen', async () => {
		const tui = await startTui({command: ['sh', '-c', 'echo hello from tmux; sleep 5'], cols: 80, rows: 24, privateEngine: false});
		try {
			await tui.waitForText('hello from tmux');
			const info = await tui.info();
			expect(info).toMatchObject({width: 80, height: 24, dead: false, alternateScreen: false});
		} finally {
			await tui.kill();
		}
	});

	it('sends literal text and key names, and waits for text to go', async () => {
		const tui = await startTui({command: ['sh', '-c', String.raw`read line; echo "got:$line"; read x; printf '\033[2J\033[H'; sleep 5`], privateEngine: false});
		try {
			await tui.sendText('a b/c');
			await tui.waitForText('a b/c');
			await tui.sendKeys('Enter');
			await tui.waitForText(/got:a b\/c/);
			await tui.sendKeys('Enter');
			await tui.waitForGone('got:');
		} finally {
			await tui.kill();
		}
	});

	it('captures colours with ansi: true and plain text otherwise', async () => {
		const tui = await startTui({command: ['sh', '-c', String.raw`printf '\033[31mRED\033[0m\n'; sleep 5`], privateEngine: false});
		try {
			expect(await tui.waitForText('RED')).not.toContain('\u001b[');
			expect(await tui.capture({ansi: true})).toMatch(/\u001b\[31mRED/);
		} finally {
			await tui.kill();
		}
	});

	it('reports the exit status and the screen left after exit', async () => {
		// shell: the status comes from the wrapper's marker line (tmux 3.3 sometimes marks a pane dead
		// without recording the status, so tests that need it use the wrapper).
		const tui = await startTui({command: ['sh', '-c', 'echo bye; exit 3'], shell: true, privateEngine: false});
		try {
			expect(await tui.waitForExit()).toBe(3);
			expect(await tui.capture({history: true})).toContain('bye');
		} finally {
			await tui.kill();
		}
	});

	it('reports death by a signal as 128 + the signal number', async () => {
		const tui = await startTui({command: ['sh', '-c', 'sleep 0.2; kill -TERM $$'], shell: true, privateEngine: false});
		try {
			expect(await tui.waitForExit()).toBe(143);
		} finally {
			await tui.kill();
		}
	});

	it('shows the screen restored after a full-screen program leaves the alternate screen', async () => {
		const program = String.raw`printf '\033[?1049h\033[?25lFULL-SCREEN-FRAME'; read x; printf '\033[?25h\033[?1049l'`;
		const tui = await startTui({command: ['sh', '-c', program], shell: true, privateEngine: false});
		try {
			await tui.waitForText('FULL-SCREEN-FRAME');
			expect(await tui.info()).toMatchObject({alternateScreen: true, cursorVisible: false});
			await tui.sendKeys('Enter');
			expect(await tui.waitForExit()).toBe(0);
			const screen = await tui.capture();
			expect(screen).toContain(BEFORE_MARKER);
			expect(screen).toContain(`${AFTER_MARKER}:0`);
			expect(screen).not.toContain('FULL-SCREEN-FRAME');
			expect(await tui.info()).toMatchObject({alternateScreen: false, cursorVisible: true});
		} finally {
			await tui.kill();
		}
	});

	it('throws with the last screen when the text never appears', async () => {
		const tui = await startTui({command: ['sh', '-c', 'echo something else; sleep 5'], privateEngine: false});
		try {
			await expect(tui.waitForText('never shown', 300)).rejects.toThrow(/something else/);
		} finally {
			await tui.kill();
		}
	});
});
