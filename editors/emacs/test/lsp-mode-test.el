;;; lsp-mode-test.el --- Batch tests of valohai-yaml-mode with lsp-mode  -*- lexical-binding: t; -*-

;;; Commentary:

;; Run by run.sh when lsp-mode is installed (Debian: elpa-lsp-mode), like
;; valohai-yaml-mode-test.el but through lsp-mode instead of Eglot.

;;; Code:

(require 'ert)
(require 'cl-lib)
(require 'flymake)
(require 'valohai-yaml-mode)
(require 'lsp-mode)
;; lsp-mode wires these up from its package autoloads; batch Emacs loads them here.
(require 'lsp-diagnostics)
(require 'lsp-completion)

(defvar valohai-test-dir (file-name-as-directory (getenv "VALOHAI_TEST_DIR")))
(defvar valohai-test-timeout 10 "Seconds to wait for the server.")

(setq valohai-yaml-server-program (getenv "VALOHAI_LS_BIN")
      valohai-yaml-server-args (list "--log-level" "debug" "--log-file"
                                     (expand-file-name "server-lsp-mode.log" valohai-test-dir)))
;; A quiet lsp-mode that never asks anything.
(setq lsp-session-file (expand-file-name "lsp-session" valohai-test-dir)
      lsp-auto-guess-root nil
      lsp-keep-workspace-alive nil
      lsp-restart 'ignore
      lsp-enable-file-watchers nil
      lsp-enable-snippet nil
      lsp-headerline-breadcrumb-enable nil
      lsp-modeline-code-actions-enable nil
      lsp-modeline-diagnostics-enable nil
      lsp-modeline-workspace-status-enable nil
      lsp-lens-enable nil
      lsp-eldoc-enable-hover nil
      lsp-signature-auto-activate nil
      lsp-diagnostics-provider :flymake
      lsp-completion-provider :none
      lsp-log-io nil
      create-lockfiles nil
      make-backup-files nil)

(defun valohai-test--pause ()
  "Run the idle timers, as a pause in typing would."
  (dolist (timer (copy-sequence timer-idle-list))
    (when (memq timer timer-idle-list)
      (timer-event-handler timer))))

(defun valohai-test--wait (what pred)
  "Process events until PRED returns non-nil; fail after a timeout naming WHAT."
  (let ((deadline (+ (float-time) valohai-test-timeout)) result)
    (while (and (not (setq result (funcall pred)))
                (< (float-time) deadline))
      (valohai-test--pause)
      (accept-process-output nil 0.05))
    (or result (ert-fail (format "timed out after %ss waiting for %s" valohai-test-timeout what)))))

(defun valohai-test--goto-line-containing (text)
  "Move to the start of the first line containing TEXT."
  (goto-char (point-min))
  (unless (search-forward text nil t) (ert-fail (format "no line contains %S" text)))
  (beginning-of-line))

(defun valohai-test--diagnostics-matching (regexp)
  "Flymake diagnostics of the current buffer whose text matches REGEXP."
  (cl-remove-if-not (lambda (d) (string-match-p regexp (flymake-diagnostic-text d)))
                    (flymake-diagnostics)))

(defmacro valohai-test--with-lsp (&rest body)
  "Visit a fresh copy of the fixture, start lsp-mode on it, run BODY, shut down."
  (declare (indent 0))
  `(let* ((dir (file-name-as-directory (make-temp-file (expand-file-name "lsp-" valohai-test-dir) t)))
          (file (expand-file-name "valohai.yaml" dir))
          buf)
     (copy-file (expand-file-name "valohai.yaml" valohai-test-dir) file)
     (lsp-workspace-folders-add (directory-file-name dir))
     (setq buf (find-file-noselect file))
     (unwind-protect
         (with-current-buffer buf
           (switch-to-buffer buf)
           (lsp)
           (valohai-test--wait "lsp-mode to initialize"
                               (lambda () (and (lsp-workspaces)
                                               (eq (lsp--workspace-status (car (lsp-workspaces)))
                                                   'initialized))))
           ,@body)
       (with-current-buffer buf (set-buffer-modified-p nil))
       (kill-buffer buf)
       (lsp-workspace-folders-remove (directory-file-name dir)))))

(ert-deftest valohai-yaml-lsp-mode-client-is-registered ()
  (should (gethash 'valohai-ls lsp-clients))
  (should (equal (alist-get 'valohai-yaml-mode lsp-language-id-configuration) "valohai-yaml")))

(ert-deftest valohai-yaml-lsp-mode-diagnostics-completion-hover ()
  (valohai-test--with-lsp
    (should (eq (lsp--client-server-id (lsp--workspace-client (car (lsp-workspaces)))) 'valohai-ls))
    ;; Diagnostics through Flymake.
    (valohai-test--wait "the missing-image diagnostic"
                        (lambda () (valohai-test--diagnostics-matching
                                    "endpoint \"predict\" needs an image")))
    ;; Completion through completion-at-point-functions.
    (valohai-test--goto-line-containing "name: serve")
    (end-of-line)
    (insert "\n    ")
    (valohai-test--pause)
    (let* ((capf (run-hook-with-args-until-success 'completion-at-point-functions))
           (labels (and capf (all-completions (buffer-substring-no-properties (nth 0 capf) (nth 1 capf))
                                              (nth 2 capf)))))
      (should capf)
      (dolist (want '("image" "port" "wsgi" "server-command"))
        (should (member want labels))))
    ;; Hover by request.
    (valohai-test--goto-line-containing "wsgi: predict:app")
    (forward-char 5)
    (let* ((hover (lsp-request "textDocument/hover" (lsp--text-document-position-params)))
           (contents (gethash "contents" hover)))
      (should (equal (gethash "kind" contents) "markdown"))
      (should (string-match-p "wsgi" (gethash "value" contents))))))

(provide 'lsp-mode-test)
;;; lsp-mode-test.el ends here
