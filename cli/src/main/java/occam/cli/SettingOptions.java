package occam.cli;

import java.util.List;
import occam.transformer.records.Setting;
import occam.transformer.records.TrainingConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * Command-line options made from the training settings table ({@link occam.transformer.records.Settings}):
 * each setting's {@code --name}, parameter label, type and help come from its one definition, so a
 * setting added to the table is an option of {@code occam train} without code here.
 */
final class SettingOptions {
  private SettingOptions() {}

  /**
   * Adds one option per setting to a command.
   *
   * @param spec the command
   * @param settings the settings
   * @param note text appended to each option's help, e.g. where its default comes from
   */
  static void addTo(CommandSpec spec, List<Setting<?>> settings, String note) {
    addTo(spec, settings, note, false);
  }

  /**
   * Adds one option per setting to a command, each required or not.
   *
   * @param spec the command
   * @param settings the settings
   * @param note text appended to each option's help
   * @param required whether the options must be given
   */
  static void addTo(CommandSpec spec, List<Setting<?>> settings, String note, boolean required) {
    settings.forEach(s -> spec.addOption(option(s, note, required)));
  }

  /**
   * The value given on the command line for a setting's option.
   *
   * @param spec the parsed command
   * @param s a setting whose option {@link #addTo} added
   * @param <T> its type
   * @return the value, or null when the option was not given
   */
  static <T> T value(CommandSpec spec, Setting<T> s) {
    return s.type().cast(spec.findOption(s.option()).getValue());
  }

  private static OptionSpec option(Setting<?> s, String note, boolean required) {
    OptionSpec.Builder b = OptionSpec.builder(s.option()).type(s.type()).description(s.description() + note)
        .required(required);
    if (s.type() == Boolean.class) {
      b.arity("0").negatable(true);
    } else {
      b.paramLabel(s.label());
    }
    if (!Number.class.isAssignableFrom(s.type()) && s.type() != Boolean.class) {
      b.converters(text -> {
        try {
          return s.parse(text);
        } catch (IllegalArgumentException e) {
          throw new TypeConversionException(e.getMessage());
        }
      });
    }
    return b.build();
  }

  /**
   * Sets the values of the options given on the command line, leaving the others as the builder holds
   * them.
   *
   * @param spec the parsed command
   * @param settings the settings its options were made from
   * @param builder the configuration to override
   * @return the builder
   */
  static TrainingConfig.Builder override(CommandSpec spec, List<Setting<?>> settings, TrainingConfig.Builder builder) {
    for (Setting<?> s : settings) {
      set(spec, builder, s);
    }
    return builder;
  }

  private static <T> void set(CommandSpec spec, TrainingConfig.Builder builder, Setting<T> s) {
    T value = value(spec, s);
    if (value != null) {
      builder.set(s, value);
    }
  }
}
