;;; valohai-yaml-mode-test.el --- Batch tests of valohai-yaml-mode with Eglot  -*- lexical-binding: t; -*-

;;; Commentary:

;; Run by run.sh:
;;   VALOHAI_LS_BIN=/abs/valohai-ls VALOHAI_TEST_DIR=/tmp/dir \
;;     emacs --batch -q -L editors/emacs -l this-file -f ert-run-tests-batch-and-exit
;; VALOHAI_TEST_DIR holds a copy of editors/testdata/valohai.yaml.

;;; Code:

(require 'ert)
(require 'cl-lib)
(require 'subr-x)
(require 'eglot)
(require 'flymake)
(require 'valohai-yaml-mode)

(defvar valohai-test-dir (file-name-as-directory (getenv "VALOHAI_TEST_DIR")))
(defvar valohai-test-timeout 10 "Seconds to wait for the server.")

(setq valohai-yaml-server-program (getenv "VALOHAI_LS_BIN"))
(setq valohai-yaml-server-args
      (list "--log-level" "debug" "--log-file" (expand-file-name "server.log" valohai-test-dir)))
;; Never ask questions in batch mode.
(setq eglot-sync-connect valohai-test-timeout
      eglot-connect-timeout valohai-test-timeout
      eglot-autoreconnect nil
      create-lockfiles nil
      make-backup-files nil)

(defun valohai-test--pause ()
  "Act as if the user paused typing: run the idle timers now.
Batch Emacs never goes idle, yet Eglot sends buffer changes and Flymake
re-checks from idle timers."
  (dolist (timer (copy-sequence timer-idle-list))
    (when (memq timer timer-idle-list)
      (timer-event-handler timer))))

(defun valohai-test--command (command)
  "Run COMMAND as the command loop does when a user invokes it."
  (setq this-command command)
  (run-hooks 'pre-command-hook)
  (call-interactively command)
  (run-hooks 'post-command-hook)
  (setq last-command command this-command nil))

(defun valohai-test--wait (what pred)
  "Process events until PRED returns non-nil; fail after a timeout naming WHAT."
  (let ((deadline (+ (float-time) valohai-test-timeout)) result)
    (while (and (not (setq result (funcall pred)))
                (< (float-time) deadline))
      (valohai-test--pause)
      (accept-process-output nil 0.05))
    (or result (ert-fail (format "timed out after %ss waiting for %s" valohai-test-timeout what)))))

(defun valohai-test--fresh-copy (name)
  "Copy the fixture to a new directory as NAME; return the new file's path."
  (let* ((dir (make-temp-file (expand-file-name "case-" valohai-test-dir) t))
         (file (expand-file-name name dir)))
    (copy-file (expand-file-name "valohai.yaml" valohai-test-dir) file)
    file))

(defun valohai-test--goto-line-containing (text)
  "Move to the start of the first line containing TEXT."
  (goto-char (point-min))
  (unless (search-forward text nil t) (ert-fail (format "no line contains %S" text)))
  (beginning-of-line))

(defun valohai-test--diagnostics-matching (regexp)
  "Flymake diagnostics of the current buffer whose text matches REGEXP."
  (cl-remove-if-not (lambda (d) (string-match-p regexp (flymake-diagnostic-text d)))
                    (flymake-diagnostics)))

(defmacro valohai-test--with-server (file &rest body)
  "Visit FILE, start Eglot the way \\[eglot] does, run BODY, then shut down."
  (declare (indent 1))
  `(let ((buf (find-file-noselect ,file)) (server nil))
     (unwind-protect
         (with-current-buffer buf
           ;; Show the buffer, as a user would: Flymake only starts checking
           ;; buffers that are on display.
           (switch-to-buffer buf)
           ;; What M-x eglot does: guess the server from `eglot-server-programs'.
           (apply #'eglot (eglot--guess-contact))
           (setq server (valohai-test--wait "Eglot to connect" #'eglot-current-server))
           ,@body)
       (when (and server (jsonrpc-running-p server))
         (let ((eglot-autoshutdown nil)) (eglot-shutdown server)))
       (with-current-buffer buf (set-buffer-modified-p nil))
       (kill-buffer buf))))

(defun valohai-test--faces (pos)
  "The faces at POS, as a list."
  (let ((face (get-text-property pos 'face)))
    (if (listp face) face (list face))))

;;; File detection and the mode itself

(ert-deftest valohai-yaml-auto-mode ()
  (dolist (name '("valohai.yaml" "valohai.yml"))
    (let ((buf (find-file-noselect (valohai-test--fresh-copy name))))
      (unwind-protect
          (with-current-buffer buf
            (should (eq major-mode 'valohai-yaml-mode)))
        (kill-buffer buf)))))

(ert-deftest valohai-yaml-other-yaml-is-left-alone ()
  (let* ((file (expand-file-name "other.yaml" valohai-test-dir))
         (_ (with-temp-file file (insert "key: value\n")))
         (buf (find-file-noselect file)))
    (unwind-protect
        (with-current-buffer buf
          (should-not (eq major-mode 'valohai-yaml-mode))
          (should (eq major-mode (if (fboundp 'yaml-mode) 'yaml-mode 'fundamental-mode))))
      (kill-buffer buf))))

(ert-deftest valohai-yaml-derives-from-yaml-mode ()
  (skip-unless (featurep 'yaml-mode))
  (with-temp-buffer
    (valohai-yaml-mode)
    (should (derived-mode-p 'yaml-mode))
    (should (equal comment-start "# "))))

(ert-deftest valohai-yaml-highlights-placeholders ()
  (with-temp-buffer
    (valohai-yaml-mode)
    (insert "- step:\n    name: train\n    command: python train.py {parameter:epochs}\n")
    (font-lock-ensure)
    (goto-char (point-min))
    (search-forward "{parameter")
    (should (memq 'font-lock-variable-name-face
                  (valohai-test--faces (1- (point)))))
    (goto-char (point-min))
    (search-forward "ste")
    (should (memq 'font-lock-type-face (valohai-test--faces (point))))))

(ert-deftest valohai-yaml-eglot-server-program ()
  (let ((entry (assoc 'valohai-yaml-mode eglot-server-programs)))
    (should entry)
    (should (equal (funcall (cdr entry) nil)
                   (append (list (executable-find valohai-yaml-server-program) "serve")
                           valohai-yaml-server-args)))))

(ert-deftest valohai-yaml-missing-server-says-how-to-install ()
  (let ((valohai-yaml-server-program "valohai-ls-not-installed-anywhere"))
    (let ((err (should-error (valohai-yaml-server-contact) :type 'user-error)))
      (should (string-match-p "go install github.com/valohai-ls/valohai-ls/cmd/valohai-ls@latest"
                              (cadr err)))
      (should (string-match-p "valohai-yaml-server-program" (cadr err))))))

;;; Through Eglot and the server

(ert-deftest valohai-yaml-eglot-language-id ()
  (valohai-test--with-server (valohai-test--fresh-copy "valohai.yaml")
    (should (equal (eglot--language-id server) "valohai-yaml"))
    (should (eglot-managed-p))))

(ert-deftest valohai-yaml-diagnostics-reach-flymake ()
  (valohai-test--with-server (valohai-test--fresh-copy "valohai.yaml")
    (should flymake-mode)
    (let ((diag (car (valohai-test--wait
                      "the missing-image diagnostic in Flymake"
                      (lambda () (valohai-test--diagnostics-matching
                                  "endpoint \"predict\" needs an image"))))))
      (should (eq (flymake-diagnostic-type diag) 'eglot-error))
      ;; It points into the predict endpoint, from its `- endpoint:' line to its last key.
      (let ((line (line-number-at-pos (flymake-diagnostic-beg diag))))
        (valohai-test--goto-line-containing "name: predict")
        (should (>= line (1- (line-number-at-pos))))
        (valohai-test--goto-line-containing "port: 8000")
        (should (<= line (line-number-at-pos)))))
    ;; Fix the endpoint: its diagnostic goes away, the other one stays.
    (valohai-test--goto-line-containing "name: predict")
    (end-of-line)
    (insert "\n    image: python:3.12")
    (valohai-test--wait "the fixed diagnostic to go"
                        (lambda () (null (valohai-test--diagnostics-matching
                                          "endpoint \"predict\" needs an image"))))
    (should (valohai-test--diagnostics-matching "endpoint \"serve\" needs an image"))))

(ert-deftest valohai-yaml-completion-at-point-lists-endpoint-keys ()
  (valohai-test--with-server (valohai-test--fresh-copy "valohai.yaml")
    (valohai-test--goto-line-containing "name: serve")
    (end-of-line)
    (insert "\n    ")
    (let* ((capf (run-hook-with-args-until-success 'completion-at-point-functions))
           (labels (and capf (all-completions (buffer-substring-no-properties (nth 0 capf) (nth 1 capf))
                                              (nth 2 capf)))))
      (should capf)
      (dolist (want '("image" "port" "wsgi" "server-command" "description" "files"))
        (should (member want labels)))
      (should-not (member "name" labels)))))

(ert-deftest valohai-yaml-completion-at-point-inserts-a-key ()
  (valohai-test--with-server (valohai-test--fresh-copy "valohai.yaml")
    (valohai-test--goto-line-containing "name: serve")
    (end-of-line)
    (insert "\n    ima")
    (let ((completion-cycle-threshold nil))
      (valohai-test--command #'completion-at-point))
    (completion-in-region-mode -1)
    (should (string-prefix-p "    image"
                             (buffer-substring-no-properties (line-beginning-position) (line-end-position))))))

(ert-deftest valohai-yaml-hover-in-the-format-eglot-takes ()
  "Hover is markdown when Eglot takes it (it does with markdown-mode), else plain text."
  (valohai-test--with-server (valohai-test--fresh-copy "valohai.yaml")
    (valohai-test--goto-line-containing "wsgi: predict:app")
    (forward-char 5)
    (let* ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
           (contents (plist-get hover :contents))
           (formats (plist-get (plist-get (plist-get (eglot-client-capabilities server)
                                                     :textDocument)
                                          :hover)
                               :contentFormat))
           (markdown (seq-contains-p formats "markdown")))
      (should (equal (plist-get contents :kind) (if markdown "markdown" "plaintext")))
      (unless markdown
        (should-not (string-match-p "\\*\\*\\|`" (plist-get contents :value))))
      (should (string-match-p "wsgi" (plist-get contents :value))))))

(ert-deftest valohai-yaml-hover-through-eldoc ()
  (valohai-test--with-server (valohai-test--fresh-copy "valohai.yaml")
    (valohai-test--goto-line-containing "wsgi: predict:app")
    (forward-char 5)
    (let (doc)
      (run-hook-wrapped 'eldoc-documentation-functions
                        (lambda (fn)
                          (when (eq fn #'eglot-hover-eldoc-function)
                            (funcall fn (lambda (info &rest _) (when info (setq doc info)) t)))
                          nil))
      (valohai-test--wait "ElDoc hover text" (lambda () doc))
      (should (string-match-p "wsgi" (substring-no-properties doc))))))

(provide 'valohai-yaml-mode-test)
;;; valohai-yaml-mode-test.el ends here
