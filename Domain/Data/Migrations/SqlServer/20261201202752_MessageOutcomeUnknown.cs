using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Intake.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MessageOutcomeUnknown : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "OutcomeUnknownAt",
                table: "Messages",
                type: "datetime2",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OutcomeUnknownAt",
                table: "Messages");
        }
    }
}
