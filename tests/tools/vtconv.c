/* A terminal in another character set, for the tests: runs a command on a pseudo-terminal and
 * converts what it writes from CHARSET to UTF-8 and what is typed from UTF-8 to CHARSET, so that
 * a program running in a VISCII (or TCVN) locale can be driven and read in tmux, which speaks
 * only UTF-8.  (luit does this for ISO 2022 sets, but VISCII keeps letters in C0 and it has no
 * table for it.)
 * Usage: vtconv CHARSET COMMAND [ARG…]     exits with the command's status. */
#include <errno.h>
#include <iconv.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t resized;

static void on_winch(int sig)
{
	(void)sig;
	resized = 1;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Convert in[0..*n) with cd and write it to fd; bytes of an incomplete sequence stay in in
 * (moved to its start, *n their count); a byte that does not convert is written as '?'. */
static int pass(iconv_t cd, char *in, size_t *n, int fd)
{
	char out[16384];
	char *ip = in;
	size_t left = *n;
	while (left) {
		char *op = out;
		size_t room = sizeof out;
		size_t r = iconv(cd, &ip, &left, &op, &room);
		if (op > out && write_all(fd, out, (size_t)(op - out)) < 0)
			return -1;
		if (r == (size_t)-1) {
			if (errno == EINVAL)
				break;	/* incomplete: wait for the rest */
			if (errno == EILSEQ) {
				if (write_all(fd, "?", 1) < 0)
					return -1;
				ip++;
				left--;
			}
			/* E2BIG: go round with an empty buffer */
		}
	}
	memmove(in, ip, left);
	*n = left;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: vtconv CHARSET COMMAND [ARG...]\n");
		return 2;
	}
	iconv_t from = iconv_open("UTF-8", argv[1]), to = iconv_open(argv[1], "UTF-8");
	if (from == (iconv_t)-1 || to == (iconv_t)-1) {
		fprintf(stderr, "vtconv: iconv has no %s\n", argv[1]);
		return 2;
	}
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	ioctl(STDIN_FILENO, TIOCGWINSZ, &ws);
	int master;
	pid_t pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0) {
		perror("vtconv: forkpty");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror("vtconv: exec");
		_exit(127);
	}
	struct termios saved, raw;
	bool tty = tcgetattr(STDIN_FILENO, &saved) == 0;
	if (tty) {
		raw = saved;
		cfmakeraw(&raw);
		tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	}
	struct sigaction sa = { .sa_handler = on_winch };
	sigaction(SIGWINCH, &sa, NULL);
	char kin[4096], pin[16384];
	size_t nk = 0, np = 0;
	bool stdin_open = true;
	for (;;) {
		if (resized) {
			resized = 0;
			if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0)
				ioctl(master, TIOCSWINSZ, &ws);
		}
		struct pollfd pf[2] = { { .fd = master, .events = POLLIN },
					{ .fd = STDIN_FILENO, .events = stdin_open ? POLLIN : 0 } };
		if (poll(pf, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pf[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			ssize_t r = read(master, pin + np, sizeof pin - np);
			if (r <= 0)
				break;	/* the command closed its terminal */
			np += (size_t)r;
			if (pass(from, pin, &np, STDOUT_FILENO) < 0)
				break;
		}
		if (pf[1].revents & (POLLIN | POLLHUP)) {
			ssize_t r = read(STDIN_FILENO, kin + nk, sizeof kin - nk);
			if (r <= 0)
				stdin_open = false;
			else {
				nk += (size_t)r;
				pass(to, kin, &nk, master);
			}
		}
	}
	if (tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	int status = 0;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
