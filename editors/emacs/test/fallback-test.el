;;; fallback-test.el --- valohai-yaml-mode without yaml-mode installed  -*- lexical-binding: t; -*-

;;; Commentary:

;; Run with `emacs -Q --batch' so that no installed packages are on the
;; load path: the mode must then derive from prog-mode and still edit YAML.

;;; Code:

(require 'ert)
(require 'valohai-yaml-mode)

(ert-deftest valohai-yaml-fallback-derives-from-prog-mode ()
  (should-not (featurep 'yaml-mode))
  (with-temp-buffer
    (valohai-yaml-mode)
    (should (derived-mode-p 'prog-mode))
    (should (equal comment-start "# "))
    (should (eq indent-line-function #'valohai-yaml--fallback-indent-line))
    (should-not indent-tabs-mode)))

(ert-deftest valohai-yaml-fallback-auto-mode ()
  (should (eq (assoc-default "/x/valohai.yaml" auto-mode-alist #'string-match-p) 'valohai-yaml-mode))
  (should (eq (assoc-default "/x/valohai.yml" auto-mode-alist #'string-match-p) 'valohai-yaml-mode))
  (should-not (eq (assoc-default "/x/my-valohai.yaml" auto-mode-alist #'string-match-p) 'valohai-yaml-mode)))

(ert-deftest valohai-yaml-fallback-indents-after-a-key ()
  (with-temp-buffer
    (valohai-yaml-mode)
    (insert "- endpoint:\nname: predict\nfiles:\n- name: model\n")
    (indent-region (point-min) (point-max))
    (should (equal (buffer-string) "- endpoint:\n  name: predict\n  files:\n    - name: model\n"))))

(ert-deftest valohai-yaml-fallback-comments ()
  (with-temp-buffer
    (valohai-yaml-mode)
    (insert "port: 8000")
    (comment-region (point-min) (point-max))
    (should (equal (buffer-string) "# port: 8000"))
    (font-lock-ensure)
    (should (eq (get-text-property 3 'face) 'font-lock-comment-face))))

;;; fallback-test.el ends here
