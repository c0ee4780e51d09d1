;;; valohai-yaml-mode.el --- Major mode for Valohai's valohai.yaml, with valohai-ls  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "26.1"))
;; Keywords: languages, yaml, tools
;; URL: https://github.com/valohai-ls/valohai-ls

;;; Commentary:

;; `valohai-yaml-mode' edits Valohai's valohai.yaml and valohai.yml files.
;; It derives from `yaml-mode' when that package is installed (for its
;; highlighting and indentation) and from `prog-mode' otherwise, and it
;; registers the valohai-ls language server with Eglot (and with lsp-mode,
;; for those who use it), which then provides completion
;; (`completion-at-point'), hover documentation (ElDoc) and diagnostics
;; (Flymake).
;;
;; Set-up:
;;
;;   (add-to-list 'load-path "/path/to/valohai-ls/editors/emacs")
;;   (require 'valohai-yaml-mode)
;;   (add-hook 'valohai-yaml-mode-hook #'eglot-ensure)
;;
;; The server must be on `exec-path' (go install
;; github.com/valohai-ls/valohai-ls/cmd/valohai-ls@latest), or set
;; `valohai-yaml-server-program' to its location.

;;; Code:

(require 'yaml-mode nil t)
(declare-function yaml-mode "yaml-mode" ())

(defgroup valohai-yaml nil
  "Editing Valohai's valohai.yaml with the valohai-ls language server."
  :group 'languages
  :prefix "valohai-yaml-")

(defcustom valohai-yaml-server-program "valohai-ls"
  "The valohai-ls executable: a name looked up on variable `exec-path', or a path."
  :type 'string)

(defcustom valohai-yaml-server-args nil
  "Extra arguments for the server, e.g. (\"--log-level\" \"debug\").
They follow the `serve' subcommand."
  :type '(repeat string))

(defcustom valohai-yaml-indent-offset 2
  "Indentation step used when `yaml-mode' is not installed."
  :type 'integer)

(defconst valohai-yaml-install-command
  "go install github.com/valohai-ls/valohai-ls/cmd/valohai-ls@latest"
  "How to install the language server.")

(defconst valohai-yaml-file-name-regexp "/valohai\\.ya?ml\\'"
  "Matches the file names that `valohai-yaml-mode' is for.")

(defconst valohai-yaml--placeholder-regexp
  "{\\(parameters\\|parameter\\(?:-value\\)?\\|inputs\\|input\\(?:-path\\)?\\|outputs\\|output\\)\\(?::[[:alnum:]_.-]+\\)?}"
  "Matches Valohai command placeholders such as {parameter:epochs}.")

(defconst valohai-yaml--font-lock-keywords
  `((,valohai-yaml--placeholder-regexp 0 font-lock-variable-name-face t)
    ("^\\(-\\)[ \t]+\\(step\\|endpoint\\|pipeline\\|task\\)[ \t]*:" 2 font-lock-type-face t))
  "Highlighting added on top of the parent mode's.")

(defconst valohai-yaml--fallback-font-lock-keywords
  '(("\\(?:^\\|[ \t]\\)\\(#.*\\)$" 1 font-lock-comment-face)
    ("^[ \t]*\\(?:-[ \t]+\\)?\\([^#\n\"'{}[,:-][^#\n:]*?\\)[ \t]*:\\(?:[ \t]\\|$\\)" 1 font-lock-variable-name-face)
    ("\\_<\\(true\\|false\\|yes\\|no\\|on\\|off\\|null\\)\\_>" 1 font-lock-constant-face))
  "Basic YAML highlighting for when `yaml-mode' is not installed.")

(defun valohai-yaml--fallback-indent-line ()
  "Indent like the previous non-blank line, one step deeper after a `key:'."
  (let* ((prev (save-excursion
                 (beginning-of-line)
                 (if (bobp)
                     (cons 0 nil)
                   (forward-line -1)
                   (while (and (not (bobp)) (looking-at-p "^[ \t]*$"))
                     (forward-line -1))
                   (cons (current-indentation)
                         (looking-at-p "^[ \t]*\\(?:-[ \t]+\\)?[^#\n]*:[ \t]*\\(?:[|>][-+0-9]*\\)?[ \t]*\\(?:#.*\\)?$")))))
         (target (if (cdr prev) (+ (car prev) valohai-yaml-indent-offset) (car prev)))
         (offset (- (current-column) (current-indentation))))
    (indent-line-to (max 0 target))
    (when (> offset 0) (forward-char offset))))

(defmacro valohai-yaml--define-mode (parent)
  "Define `valohai-yaml-mode' as a mode derived from PARENT."
  `(define-derived-mode valohai-yaml-mode ,parent "Valohai-YAML"
     "Major mode for Valohai's valohai.yaml configuration files.

Start the valohai-ls language server with \\[eglot] (or add
`eglot-ensure' to `valohai-yaml-mode-hook') for completion, hover
documentation and diagnostics.

\\{valohai-yaml-mode-map}"
     :group 'valohai-yaml
     (unless (featurep 'yaml-mode)
       (setq-local comment-start "# ")
       (setq-local comment-start-skip "#+[ \t]*")
       (setq-local comment-end "")
       (setq-local indent-tabs-mode nil)
       (setq-local tab-width valohai-yaml-indent-offset)
       (setq-local indent-line-function #'valohai-yaml--fallback-indent-line)
       (setq-local font-lock-defaults '(valohai-yaml--fallback-font-lock-keywords)))
     (font-lock-add-keywords nil valohai-yaml--font-lock-keywords 'append)))

(if (featurep 'yaml-mode)
    (valohai-yaml--define-mode yaml-mode)
  (valohai-yaml--define-mode prog-mode))

;;;###autoload
(add-to-list 'auto-mode-alist '("/valohai\\.ya?ml\\'" . valohai-yaml-mode))

;;;###autoload
(defun valohai-yaml-server-contact (&optional _interactive)
  "Return the valohai-ls command line for `eglot-server-programs'."
  (let ((program (executable-find valohai-yaml-server-program)))
    (unless program
      (user-error "valohai-ls: %s was not found.  Install it with `%s' \
and make sure it is on `exec-path', or set `valohai-yaml-server-program'"
                  valohai-yaml-server-program valohai-yaml-install-command))
    (append (list program "serve") valohai-yaml-server-args)))

;;;###autoload
(with-eval-after-load 'eglot
  (defvar eglot-server-programs)
  (add-to-list 'eglot-server-programs
               '(valohai-yaml-mode . valohai-yaml-server-contact)))

;;; lsp-mode

(declare-function lsp-register-client "lsp-mode" (client))
(declare-function make-lsp-client "lsp-mode" (&rest args))
(declare-function lsp-stdio-connection "lsp-mode" (command &optional test-command))
(declare-function lsp-activate-on "lsp-mode" (&rest languages))
(defvar lsp-language-id-configuration)

;;;###autoload
(defun valohai-yaml-register-lsp-mode ()
  "Register the valohai-ls server with `lsp-mode'.
This runs by itself once `lsp-mode' is loaded."
  (add-to-list 'lsp-language-id-configuration '(valohai-yaml-mode . "valohai-yaml"))
  (lsp-register-client
   (make-lsp-client
    :new-connection (lsp-stdio-connection
                     (lambda () (valohai-yaml-server-contact nil))
                     (lambda () (executable-find valohai-yaml-server-program)))
    :activation-fn (lsp-activate-on "valohai-yaml")
    :major-modes '(valohai-yaml-mode)
    :server-id 'valohai-ls)))

;;;###autoload
(with-eval-after-load 'lsp-mode
  (valohai-yaml-register-lsp-mode))

(provide 'valohai-yaml-mode)
;;; valohai-yaml-mode.el ends here
