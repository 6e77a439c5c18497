// Thin C wrappers that make libedit (BSD editline, <histedit.h>) callable from Swift.
//
// Swift does not import C variadic functions (el_set, el_wset, el_get, history_w), and
// Swift 6 rejects the C globals stdin/stdout/stderr as not concurrency-safe, so every
// such use is wrapped here in a non-variadic static inline function. Nothing here keeps
// state: all state lives in the Swift LineEditor target.
#ifndef ATTUNE_CLIBEDIT_SHIM_H
#define ATTUNE_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <stdio.h>
#include <wchar.h>

/// A prompt function for el_wset(EL_PROMPT / EL_PROMPT_ESC).
typedef wchar_t *(*attune_el_wprompt_fn)(EditLine *);
/// A user-defined editor function for EL_ADDFN.
typedef unsigned char (*attune_el_fn)(EditLine *, int);

/// el_init on the process's standard streams.
static inline EditLine *attune_el_init_std(const char *prog) {
  return el_init(prog, stdin, stdout, stderr);
}

/// el_init_fd on explicit streams and file descriptors.
static inline EditLine *attune_el_init_fd(const char *prog, FILE *fin, FILE *fout, FILE *ferr,
                                          int fdin, int fdout, int fderr) {
  return el_init_fd(prog, fin, fout, ferr, fdin, fdout, fderr);
}

/// The process's standard streams (Swift 6 rejects the C globals themselves).
static inline FILE *attune_stdin(void) { return stdin; }
static inline FILE *attune_stdout(void) { return stdout; }
static inline FILE *attune_stderr(void) { return stderr; }

/// el_set for operations taking one int (EL_SIGNAL, EL_PREP_TERM, EL_EDITMODE).
static inline int attune_el_set_int(EditLine *el, int op, int value) {
  return el_set(el, op, value);
}

/// el_set for operations taking one string (EL_EDITOR, EL_TERMINAL).
static inline int attune_el_set_string(EditLine *el, int op, const char *value) {
  return el_set(el, op, value);
}

/// el_wset(EL_PROMPT_ESC): a wide prompt in which text between two `escape` characters
/// is sent to the terminal but takes no room (colour sequences).
static inline int attune_el_wset_prompt_esc(EditLine *el, attune_el_wprompt_fn fn,
                                            wchar_t escape) {
  return el_wset(el, EL_PROMPT_ESC, fn, escape);
}

/// el_set(EL_CLIENTDATA).
static inline int attune_el_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

/// el_get(EL_CLIENTDATA); NULL if unset.
static inline void *attune_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  if (el_get(el, EL_CLIENTDATA, &data) != 0) {
    return NULL;
  }
  return data;
}

/// el_set(EL_ADDFN): registers a named editor function.
static inline int attune_el_add_function(EditLine *el, const char *name, const char *help,
                                         attune_el_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}

/// el_set(EL_BIND): binds one key sequence to a named editor function.
static inline int attune_el_bind(EditLine *el, const char *key, const char *function) {
  return el_set(el, EL_BIND, key, function, (const char *)NULL);
}

/// el_wset(EL_HIST) with the wide history functions.
static inline int attune_el_wset_history(EditLine *el, HistoryW *history) {
  return el_wset(el, EL_HIST, history_w, history);
}

/// history_w for operations taking an int (H_SETSIZE, H_SETUNIQUE).
static inline int attune_history_int(HistoryW *h, HistEventW *ev, int op, int value) {
  return history_w(h, ev, op, value);
}

/// history_w for operations taking a wide string (H_ENTER, H_ADD).
static inline int attune_history_wstring(HistoryW *h, HistEventW *ev, int op,
                                         const wchar_t *value) {
  return history_w(h, ev, op, value);
}

/// history_w for operations taking a file name (H_LOAD, H_SAVE).
static inline int attune_history_file(HistoryW *h, HistEventW *ev, int op, const char *path) {
  return history_w(h, ev, op, path);
}

#endif
