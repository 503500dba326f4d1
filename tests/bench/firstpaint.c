/* firstpaint: time from exec to the first painted top-level window of any X11 program, and the
 * program's peak memory, measured from outside so that every app is measured the same way.
 *
 *   firstpaint [--settle MS] [--timeout MS] -- COMMAND [ARG...]
 *
 * Watches the root window (SubstructureNotify for maps, XDamage for drawing). A window counts as
 * painted when it is mapped, at least 200x150, and its pixels are no longer one flat colour, so
 * the server clearing a new window's background does not count. After the first paint it waits
 * --settle ms (default 2000) so start-up work that follows the first frame is included, reads the
 * program's VmHWM (peak resident set) from /proc, then ends its process group with SIGTERM
 * (SIGKILL after 3 s), helper processes included, so they cannot slow the next run down.
 *
 * Prints "map-ms N", "first-paint-ms N", "peak-rss-kb N" on stdout; exits 1 when nothing was
 * painted before --timeout (default 30000). A benchmark tool: build with
 *   cc -O2 -o firstpaint firstpaint.c -lX11 -lXdamage -lXfixes
 */
#define _GNU_SOURCE
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static struct timespec start;

static long elapsed_ms(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
}

static long peak_rss_kb(pid_t pid)
{
    char path[64], line[256];
    long kb = -1;
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
            break;
    fclose(f);
    return kb;
}

static int ignore_errors(Display *dpy, XErrorEvent *ev)
{
    (void)dpy;
    (void)ev; /* a window can vanish between an event and our request about it */
    return 0;
}

/* Whether the window shows more than one colour: every pixel is looked at, since one line of
 * small text on a plain window is all a painted frame may add. */
static int has_content(Display *dpy, Window w, int width, int height)
{
    XImage *img = XGetImage(dpy, w, 0, 0, (unsigned)width, (unsigned)height, AllPlanes, ZPixmap);
    if (!img)
        return 0;
    int varied = 0;
    if (img->bits_per_pixel == 32) {
        const unsigned first = *(const unsigned *)img->data;
        for (int y = 0; y < height && !varied; ++y) {
            const unsigned *row = (const unsigned *)(img->data + (long)y * img->bytes_per_line);
            for (int x = 0; x < width && !varied; ++x)
                varied = (row[x] & 0xffffff) != (first & 0xffffff);
        }
    } else {
        const unsigned long first = XGetPixel(img, 0, 0);
        for (int y = 0; y < height && !varied; ++y)
            for (int x = 0; x < width && !varied; ++x)
                varied = XGetPixel(img, x, y) != first;
    }
    XDestroyImage(img);
    return varied;
}

int main(int argc, char **argv)
{
    long settle = 2000, timeout = 30000;
    int i = 1;
    for (; i < argc && strcmp(argv[i], "--") != 0; ++i) {
        if (!strcmp(argv[i], "--settle") && i + 1 < argc)
            settle = atol(argv[++i]);
        else if (!strcmp(argv[i], "--timeout") && i + 1 < argc)
            timeout = atol(argv[++i]);
        else {
            fprintf(stderr, "usage: firstpaint [--settle MS] [--timeout MS] -- COMMAND [ARG...]\n");
            return 2;
        }
    }
    if (i + 1 >= argc) {
        fprintf(stderr, "firstpaint: no command given\n");
        return 2;
    }
    char **command = argv + i + 1;

    Display *dpy = XOpenDisplay(NULL);
    if (!dpy) {
        fprintf(stderr, "firstpaint: cannot open display \"%s\"\n", getenv("DISPLAY") ? getenv("DISPLAY") : "");
        return 2;
    }
    int damage_event, damage_error;
    if (!XDamageQueryExtension(dpy, &damage_event, &damage_error)) {
        fprintf(stderr, "firstpaint: the X server has no DAMAGE extension\n");
        return 2;
    }
    XSetErrorHandler(ignore_errors);
    Window root = DefaultRootWindow(dpy);
    XSelectInput(dpy, root, SubstructureNotifyMask);
    XDamageCreate(dpy, root, XDamageReportNonEmpty);
    XSync(dpy, False);

    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0); /* its own process group, so helpers it starts are ended with it */
        close(ConnectionNumber(dpy));
        execvp(command[0], command);
        fprintf(stderr, "firstpaint: cannot run %s: %s\n", command[0], strerror(errno));
        _exit(127);
    }

    Window shown[64];
    int shown_count = 0;
    long map_ms = -1, paint_ms = -1;
    int exited = 0, status = 0;
    while (!exited) {
        long now = elapsed_ms();
        if (paint_ms < 0 && now > timeout)
            break;
        if (paint_ms >= 0 && now >= paint_ms + settle)
            break;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            exited = 1;
            break;
        }
        if (!XPending(dpy)) {
            struct pollfd p = {ConnectionNumber(dpy), POLLIN, 0};
            poll(&p, 1, 10);
            continue;
        }
        XEvent ev;
        XNextEvent(dpy, &ev);
        if (ev.type == MapNotify && ev.xmap.event == root && !ev.xmap.override_redirect && shown_count < 64) {
            XWindowAttributes a;
            if (XGetWindowAttributes(dpy, ev.xmap.window, &a) && a.width >= 200 && a.height >= 150) {
                shown[shown_count++] = ev.xmap.window;
                if (map_ms < 0)
                    map_ms = elapsed_ms();
            }
        } else if (ev.type == damage_event + XDamageNotify) {
            XDamageSubtract(dpy, ((XDamageNotifyEvent *)&ev)->damage, None, None);
            if (paint_ms >= 0)
                continue;
            for (int w = 0; w < shown_count; ++w) {
                XWindowAttributes a;
                if (XGetWindowAttributes(dpy, shown[w], &a) && a.map_state == IsViewable &&
                    has_content(dpy, shown[w], a.width, a.height)) {
                    paint_ms = elapsed_ms();
                    break;
                }
            }
        }
    }

    long rss = exited ? -1 : peak_rss_kb(pid);
    if (!exited) {
        kill(-pid, SIGTERM);
        int reaped = 0;
        for (int waited = 0; waited < 300 && !reaped; ++waited) {
            reaped = waitpid(pid, &status, WNOHANG) == pid;
            if (!reaped)
                usleep(10000);
        }
        if (!reaped) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
        }
    }
    kill(-pid, SIGKILL); /* whatever is left of its group (a browser engine's helpers) */
    printf("map-ms %ld\nfirst-paint-ms %ld\npeak-rss-kb %ld\n", map_ms, paint_ms, rss);
    if (exited)
        fprintf(stderr, "firstpaint: %s exited before it was measured (status %d)\n", command[0], status);
    XCloseDisplay(dpy);
    return paint_ms >= 0 && !exited ? 0 : 1;
}
