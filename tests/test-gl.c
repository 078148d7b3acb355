/* test-gl.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "byline-gl.h"

static void
test_software_names (void)
{
  /* What Mesa's CPU rasterizers call themselves. */
  g_assert_true (byline_gl_renderer_is_software ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (byline_gl_renderer_is_software ("softpipe"));
  g_assert_true (byline_gl_renderer_is_software ("Software Rasterizer"));

  /* GPUs, real and virtual. */
  g_assert_false (byline_gl_renderer_is_software ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  g_assert_false (byline_gl_renderer_is_software ("AMD Radeon RX 5500 XT (navi14, LLVM 15.0.7, DRM 3.52, 6.3.9-arch1-1)"));
  g_assert_false (byline_gl_renderer_is_software ("NVIDIA GeForce RTX 3060 Laptop GPU/PCIe/SSE2"));
  g_assert_false (byline_gl_renderer_is_software ("virgl (Intel(R) UHD Graphics 620)"));
  g_assert_false (byline_gl_renderer_is_software (""));
  g_assert_false (byline_gl_renderer_is_software (NULL));
}

static void
test_environment_wins (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *saved = g_strdup (g_getenv ("GSK_RENDERER"));

  /* Someone who sets GSK_RENDERER gets that renderer, GPU or not. */
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_null (byline_gl_choose_renderer (display));
  g_assert_null (g_object_get_data (G_OBJECT (display), "gsk-renderer"));

  if (saved != NULL)
    g_setenv ("GSK_RENDERER", saved, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
}

static void
test_window_drawn_by_choice (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *gl_renderer = NULL;
  const char *choice;
  GtkWidget *window;
  GskRenderer *renderer;
  gboolean software;

  if (g_getenv ("GSK_RENDERER") != NULL)
    {
      g_test_skip ("GSK_RENDERER is set: the environment chooses");
      return;
    }

  gl_renderer = byline_gl_dup_renderer_name (display);
  software = byline_gl_renderer_is_software (gl_renderer);
  g_test_message ("OpenGL renderer: %s", gl_renderer ? gl_renderer : "(none)");

  choice = byline_gl_choose_renderer (display);
  g_assert_cmpstr (choice, ==, software ? "cairo" : NULL);

  /* The window realized afterwards is drawn as chosen. */
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 320, 240);
  gtk_window_present (GTK_WINDOW (window));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_assert_nonnull (renderer);
  if (software)
    g_assert_true (GSK_IS_CAIRO_RENDERER (renderer));
  else if (gl_renderer != NULL)
    g_assert_false (GSK_IS_CAIRO_RENDERER (renderer));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/byline/gl/software-names", test_software_names);
  g_test_add_func ("/byline/gl/environment-wins", test_environment_wins);
  g_test_add_func ("/byline/gl/window-drawn-by-choice", test_window_drawn_by_choice);

  return g_test_run ();
}
